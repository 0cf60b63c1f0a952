using System.Diagnostics;

namespace Assignment1.Cli;

/// <summary>Turns an exception thrown by a student's code into a message that says what and where, not a stack trace.</summary>
public static class StudentCodeErrors
{
    private static readonly string[] TodoFiles =
        ["Utils.cs", "BaseNetwork.cs", "SoftmaxRegression.cs", "TwoLayerNet.cs", "Sgd.cs"];

    /// <summary>Explains <paramref name="exception"/> in a few lines.</summary>
    public static string Describe(Exception exception)
    {
        if (exception is NotImplementedException)
        {
            return $"{exception.Message}{Environment.NewLine}" +
                   "Implement it, then check it with: dotnet test student.Tests";
        }
        string where = FirstStudentFrame(exception) is { } frame ? $" at {frame}" : "";
        return $"Your code threw {exception.GetType().Name}{where}: {exception.Message}";
    }

    /// <summary>"file:line in Method" of the innermost frame in one of the five TODO files, if line info is available.</summary>
    internal static string? FirstStudentFrame(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            string? file = frame.GetFileName();
            if (file is not null && TodoFiles.Contains(Path.GetFileName(file)))
            {
                return $"{Path.GetFileName(file)}:{frame.GetFileLineNumber()} in {frame.GetMethod()?.Name}";
            }
        }
        return null;
    }
}
