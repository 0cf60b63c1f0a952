using System.CommandLine;
using Assignment1.Grader.Grading;

namespace Assignment1.Grader.Commands;

/// <summary>
/// The course staff's grader CLI on System.CommandLine: <c>demo</c>, <c>grade</c>, <c>merge</c>, <c>handout</c>,
/// <c>gradescope</c>, <c>generate-skeleton</c> and <c>build</c>, with help (<c>--help</c> on each) and validation.
/// Exit codes: 0 done (whatever the scores); 1 the grader could not do it (the message says why); 2 wrong arguments.
/// </summary>
public static class GraderCommandLine
{
    private const string Run = "./grader/grader";

    /// <summary>Parses <paramref name="args"/> and runs the command; a parse error prints what is wrong and exits with 2.</summary>
    public static int Invoke(string[] args, RepositoryLayout layout)
    {
        var result = Build(layout).Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine($"grader: {error.Message}");
            }
            string command = result.CommandResult.Command is RootCommand ? "" : result.CommandResult.Command.Name + " ";
            Console.Error.WriteLine($"Usage: {Run} {command}--help shows the {(command.Length == 0 ? "commands" : "options")}.");
            return 2;
        }
        return result.Invoke();
    }

    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Build(RepositoryLayout layout) =>
        new("The course staff's grader for Assignment 1: grades submissions in a sandbox with the public and hidden suites, "
            + "and writes what students and Gradescope receive.")
        {
            Demo(layout), Grade(layout), Merge(), Handout(layout), Gradescope(layout), GenerateSkeleton(layout), BuildKit(layout),
        };

    private static Command Demo(RepositoryLayout layout)
    {
        var output = new Option<string?>("--out") { Description = "where the demo's submissions and results go (default: outputs/demo)", HelpName = "DIR" };
        var isolation = Isolation();
        var command = new Command("demo", "Grades two demo submissions end to end (the reference, and the reference with a bias-gradient bug) and prints the scores.")
        {
            output, isolation,
        };
        command.SetAction(parsed => DemoCommand.Run(parsed.GetValue(output) ?? Path.Combine(layout.Root, "outputs", "demo"), parsed.GetValue(isolation), layout));
        return command;
    }

    private static Command Grade(RepositoryLayout layout)
    {
        var submission = new Argument<string>("SUBMISSION") { Description = "a zip, a folder holding one submission, or a folder of zips (bulk)" };
        var output = new Option<string>("--out") { Description = "results.json and feedback.md; in bulk, one folder per submission and gradebook.csv", HelpName = "DIR", Required = true };
        var single = new Option<bool>("--single") { Description = "SUBMISSION is one submission even if it holds a zip (Gradescope's folder)" };
        var kit = new Option<string?>("--kit") { Description = "the test kit (default: grader/.kit, built by ./grader/grader)", HelpName = "DIR" };
        var mnist = new Option<string?>("--mnist") { Description = "folder holding MNIST (default: $MNIST_DIR, else data/mnist)", HelpName = "DIR" };
        var isolation = Isolation();
        var jobs = new Option<int?>("--jobs")
        {
            Description = "bulk: submissions graded at once, each within its own limits (default: one per two cores, within memory)",
            HelpName = "N",
            CustomParser = result => BulkOptions.TryParse(Token(result), null, out var parsed, out string? error) ? parsed.Jobs : Refuse<int?>(result, error),
        };
        var shard = new Option<BulkOptions?>("--shard")
        {
            Description = "bulk: grade only the i-th of n shares of the folder; grader merge combines the shards' results",
            HelpName = "i/n",
            CustomParser = result => BulkOptions.TryParse(null, Token(result), out var parsed, out string? error) ? parsed : Refuse<BulkOptions?>(result, error),
        };
        var command = new Command("grade", "Grades a submission, or a folder of them, with the public and hidden suites in a sandbox.")
        {
            submission, output, single, kit, mnist, isolation, jobs, shard,
        };
        command.SetAction(parsed =>
        {
            var bulk = new BulkOptions(parsed.GetValue(jobs) ?? BulkOptions.DefaultJobs());
            if (parsed.GetValue(shard) is { } share)
            {
                bulk = bulk with { ShardIndex = share.ShardIndex, ShardCount = share.ShardCount };
            }
            return GradeCommand.Run(new GradeOptions(parsed.GetValue(submission)!, parsed.GetValue(output)!, parsed.GetValue(single),
                parsed.GetValue(kit), parsed.GetValue(mnist), parsed.GetValue(isolation), bulk), layout);
        });
        return command;
    }

    private static Command Merge()
    {
        var output = new Option<string>("--out") { Description = "the merged results: every submission's folder and one gradebook.csv", HelpName = "DIR", Required = true };
        var shards = new Argument<string[]>("SHARD_OUT") { Description = "the --out folders of grader grade FOLDER --shard i/n", Arity = ArgumentArity.OneOrMore };
        var command = new Command("merge", "Combines the bulk runs of shards into one gradebook, as one bulk run of the whole folder writes it.")
        {
            output, shards,
        };
        command.SetAction(parsed => MergeCommand.Run(parsed.GetValue(output)!, parsed.GetValue(shards)!));
        return command;
    }

    private static Command Handout(RepositoryLayout layout)
    {
        var output = new Option<string>("--out") { Description = "where to write the handout", HelpName = "DIR", Required = true };
        var kit = new Option<string?>("--kit") { Description = "the test kit whose public tests the handout lists (default: grader/.kit)", HelpName = "DIR" };
        var command = new Command("handout", "Writes what students receive: the skeleton, the public suite, configs, scripts and the handout README.")
        {
            output, kit,
        };
        command.SetAction(parsed => StaffCommands.Handout(layout, parsed.GetValue(output)!, parsed.GetValue(kit)));
        return command;
    }

    private static Command Gradescope(RepositoryLayout layout)
    {
        var output = new Option<string>("--out") { Description = "the autograder zip to write", HelpName = "FILE.zip", Required = true };
        var isolation = Isolation();
        var command = new Command("gradescope", "Writes the Gradescope autograder zip (setup.sh builds the grader and measures the time limits on Gradescope's machine).")
        {
            output, isolation,
        };
        command.SetAction(parsed => StaffCommands.Gradescope(layout, parsed.GetValue(output)!, parsed.GetValue(isolation) ?? "bubblewrap"));
        return command;
    }

    private static Command GenerateSkeleton(RepositoryLayout layout)
    {
        var check = new Option<bool>("--check") { Description = "only check that student/ and rules/handout-surface.txt are current (exit code 1 when not)" };
        var command = new Command("generate-skeleton", "Rewrites student/'s TODO files, and rules/handout-surface.txt, from grader/solution.") { check };
        command.SetAction(parsed => parsed.GetValue(check) ? StaffCommands.CheckSkeleton(layout) : StaffCommands.WriteSkeleton(layout));
        return command;
    }

    private static Command BuildKit(RepositoryLayout layout)
    {
        var command = new Command("build", "Measures the test kit's time limits on this machine (./grader/grader has built the grader and the kit before it runs).");
        command.SetAction(_ => StaffCommands.Build(layout));
        return command;
    }

    private static Option<string?> Isolation()
    {
        var option = new Option<string?>("--isolation")
        {
            Description = $"how to confine submitted code: {string.Join(", ", Sandbox.Levels)} (default: bubblewrap; see the README's isolation section)",
            HelpName = "LEVEL",
        };
        // Not restricted here: grade turns an unknown level into a results.json that says so, as for any other grading failure.
        option.CompletionSources.Add(Sandbox.Levels.ToArray());
        return option;
    }

    private static string Token(System.CommandLine.Parsing.ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";

    private static T Refuse<T>(System.CommandLine.Parsing.ArgumentResult result, string? error)
    {
        result.AddError(error ?? "invalid value");
        return default!;
    }
}
