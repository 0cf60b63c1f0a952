using Assignment1.Grader;
using Assignment1.Grader.Build;
using Assignment1.Grader.Commands;

// Course-staff tooling; ./grader/grader builds it and runs it. The commands and their options are in
// Commands/GraderCommandLine.cs (./grader/grader --help lists them).

RepositoryLayout layout;
try
{
    layout = RepositoryLayout.FindFrom(AppContext.BaseDirectory);
}
catch (DirectoryNotFoundException)
{
    layout = RepositoryLayout.FindFrom(Directory.GetCurrentDirectory());
}

// Internal, not a command for people: the child process in which the grader times the compiler on a submission.
if (args is [CompileTimeGuard.Command])
{
    return CompileTimeGuard.Run();
}
return GraderCommandLine.Invoke(args, layout);
