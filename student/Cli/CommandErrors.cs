using Assignment1.Configuration;
using Assignment1.Data;

namespace Assignment1.Cli;

/// <summary>How every command ends when something goes wrong: a message, never a stack trace, and an exit code that says whose mistake it was.</summary>
public static class CommandErrors
{
    /// <summary>
    /// Runs <paramref name="command"/>: its own exit code, 2 for a wrong config, missing data or a malformed file
    /// (what the user passes), 1 for what the student's code throws (<see cref="StudentCodeErrors"/>).
    /// </summary>
    public static int Guarded(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception e) when (e is ConfigException or MnistNotFoundException or InvalidDataException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine(StudentCodeErrors.Describe(e));
            return 1;
        }
    }
}
