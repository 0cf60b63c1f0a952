using Assignment1.Cli;

namespace Assignment1.Tests.Support;

/// <summary>
/// Calls into the student's code and turns what it throws into a failure that says what happened and
/// where: "not implemented yet" for an untouched TODO (no stack trace: the message names the method and file),
/// otherwise the exception, the line of the student's file, and the student's frames as the stack trace.
/// </summary>
[System.Diagnostics.StackTraceHidden] // failures point at the test's line, not at this helper
public static class StudentCode
{
    /// <summary>Runs <paramref name="call"/> (described as <paramref name="what"/>) and returns its result.</summary>
    public static T Run<T>(string what, Func<T> call)
    {
        try
        {
            Liveness.Beat();
            return call();
        }
        catch (NotImplementedException e)
        {
            // No stack trace: the message names the method and its file, and the only frame would be the TODO's throw.
            Expect.Fail($"{e.Message} Implement it, then run the tests again.");
            throw; // unreachable: Expect.Fail throws
        }
        catch (Exception e) when (e is not NUnit.Framework.Internal.NUnitException and not AssertionException)
        {
            Expect.Fail($"{what} threw {e.GetType().Name}{Where(e)}: {e.Message}", StudentFrames(e));
            throw;
        }
        finally
        {
            Liveness.Beat();
        }
    }

    /// <summary>Runs <paramref name="call"/> (described as <paramref name="what"/>), which returns nothing.</summary>
    public static void Run(string what, Action call) => Run(what, () =>
    {
        call();
        return 0;
    });

    /// <summary>The frames of <paramref name="e"/>'s stack trace that lie in student/ (not in the tests), or null.</summary>
    private static string? StudentFrames(Exception e)
    {
        var frames = (e.StackTrace ?? "").Split('\n').Select(line => line.TrimEnd('\r'))
            .Where(line => line.Contains(" in ", StringComparison.Ordinal) && line.Replace('\\', '/').Contains("/student/", StringComparison.Ordinal))
            .ToList();
        return frames.Count > 0 ? string.Join(Environment.NewLine, frames) : null;
    }

    private static string Where(Exception e) =>
        StudentCodeErrors.FirstStudentFrame(e) is { } frame ? $" at {frame}" : "";
}
