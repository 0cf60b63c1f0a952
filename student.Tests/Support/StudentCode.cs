using Assignment1.Cli;

namespace Assignment1.Tests.Support;

/// <summary>
/// Calls into the student's code and turns what it throws into a failure that says what happened and
/// where, instead of a stack trace: "not implemented yet" for an untouched TODO, the exception and the
/// line of the student's file otherwise.
/// </summary>
[System.Diagnostics.StackTraceHidden] // failures point at the test's line, not at this helper
public static class StudentCode
{
    /// <summary>Runs <paramref name="call"/> (described as <paramref name="what"/>) and returns its result.</summary>
    public static T Run<T>(string what, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (NotImplementedException e)
        {
            Expect.Fail($"{e.Message} Implement it, then run the tests again.");
            throw; // unreachable: Expect.Fail throws
        }
        catch (Exception e) when (e is not NUnit.Framework.Internal.NUnitException and not AssertionException)
        {
            Expect.Fail($"{what} threw {e.GetType().Name}{Where(e)}: {e.Message}");
            throw;
        }
    }

    /// <summary>Runs <paramref name="call"/> (described as <paramref name="what"/>), which returns nothing.</summary>
    public static void Run(string what, Action call) => Run(what, () =>
    {
        call();
        return 0;
    });

    private static string Where(Exception e) =>
        StudentCodeErrors.FirstStudentFrame(e) is { } frame ? $" at {frame}" : "";
}
