using System.Runtime;
using System.Runtime.Loader;
using System.Xml;
using Assignment1.TestRunner;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

// The grader's test runner (a child process). Protocol:
//   stdin: a nonce line; then any number of "assembly BASE64" lines, each a test assembly handed in by the grader
//          (so that hidden suites are never files the tested code could read); then an "end" line. stdin is not read again.
//          With no assembly lines, the runner loads Assignment1.Tests.dll from its own folder.
//   args: --list                     list every test case with its grading properties
//         --run FILE [--max-output N] run the test cases whose full names are the lines of FILE, in order
//   stdout: lines "NONCE {json}" (see RunnerEvent); nothing else is written there.
// Tests run one at a time on one thread, in the order given.

string nonce = Console.In.ReadLine() ?? "";
var handedIn = new List<byte[]>();
while (Console.In.ReadLine() is { } line && line != "end")
{
    if (line.StartsWith("assembly ", StringComparison.Ordinal))
    {
        handedIn.Add(Convert.FromBase64String(line["assembly ".Length..]));
    }
}
var channel = new ResultChannel(Console.OpenStandardOutput(), nonce);
// From here on, whatever tests print goes to NUnit's per-test capture (or nowhere), never to the channel.
Console.SetOut(TextWriter.Null);
Console.SetIn(TextReader.Null);

// The training tests multiply matrices on the fast provider, as the CLI and the public suite do.
GenuineProviders.Install();

var settings = new Dictionary<string, object> { ["NumberOfTestWorkers"] = 0 };
var runners = new List<NUnitTestAssemblyRunner>();
if (handedIn.Count == 0)
{
    var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
    runner.Load(Path.Combine(AppContext.BaseDirectory, "Assignment1.Tests.dll"), settings);
    runners.Add(runner);
}
foreach (byte[] image in handedIn)
{
    var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
    // Loaded from memory into the default context, then named: NUnit resolves the name to this copy
    // (its Load(Assembly) overload needs a file location, which a hidden suite must not have).
    var assembly = AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(image));
    runner.Load(assembly.GetName().Name!, settings);
    runners.Add(runner);
}
var runnerOf = runners.SelectMany(r => TestCases(r.LoadedTest!).Select(t => (t.FullName, r))).ToDictionary(x => x.FullName, x => x.r);

if (args is ["--list"])
{
    foreach (var test in runners.SelectMany(r => TestCases(r.LoadedTest!)))
    {
        channel.Send(new RunnerEvent("listed", test.FullName)
        {
            Properties = GradingProperties(test),
            Arguments = test.Arguments.Length == 0 ? "" : test.Name[(test.Name.IndexOf('(') + 1)..^1],
        });
    }
    channel.Send(new RunnerEvent("done", ""));
    return 0;
}

if (args is ["--run", string namesFile, ..])
{
    int maxOutput = args is [_, _, "--max-output", string n] ? int.Parse(n) : 10_000;
    string[] names = File.ReadAllLines(namesFile).Where(l => l.Length > 0).ToArray();
    var listener = new GradingListener(channel, maxOutput);
    ListenForBeats(runners, listener);
    // One name at a time keeps the grader's order, and a hang or crash is always in a known test.
    foreach (string name in names)
    {
        if (runnerOf.TryGetValue(name, out var runner))
        {
            // Each test starts on a fully collected heap with the large-object heap compacted: tests that load MNIST
            // allocate 300 MB arrays, and under the heap cap the previous test's fragmentation could otherwise make
            // that allocation fail (OutOfMemoryException) at random.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            // A test's expectations must not pass through state a submission could have changed: every test starts
            // on the genuine providers, whatever an earlier test's code did to MathNet's process-wide settings.
            GenuineProviders.Install();
            runner.Run(listener, FullNameFilter(name));
        }
    }
    channel.Send(new RunnerEvent("done", ""));
    return 0;
}

Console.Error.WriteLine("usage: Assignment1.TestRunner --list | --run FILE [--max-output N]   (nonce, assemblies and 'end' on stdin)");
return 2;

static IEnumerable<ITest> TestCases(ITest test) =>
    test.IsSuite ? test.Tests.SelectMany(TestCases) : [test];

static Dictionary<string, string> GradingProperties(ITest test)
{
    var properties = new Dictionary<string, string>();
    // A parameterized method carries [Graded] on its suite; its cases inherit it.
    for (ITest? node = test; node is not null; node = node.Parent)
    {
        foreach (string key in node.Properties.Keys)
        {
            if (!properties.ContainsKey(key) && node.Properties.Get(key) is { } value)
            {
                properties[key] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }
        }
        if (node.IsSuite && node.TypeInfo is not null && node is not ParameterizedMethodSuite)
        {
            break;
        }
    }
    return properties;
}

// The suites' Liveness.Beat reaches the listener through a static hook of the public suite's support code (which the
// private suite shares); a submission is compiled without the suites, so it cannot beat.
static void ListenForBeats(IEnumerable<NUnitTestAssemblyRunner> runners, GradingListener listener)
{
    foreach (var runner in runners)
    {
        // Looked up in the suite's own assembly: a type of the same name in a submission is never the hook.
        var hook = (runner.LoadedTest as TestAssembly)?.Assembly?.GetType("Assignment1.Tests.Support.Liveness")?.GetProperty("Listener");
        hook?.SetValue(null, new Action(listener.Beat));
    }
}

static TestFilter FullNameFilter(string fullName)
{
    var document = new XmlDocument();
    var filter = document.CreateElement("filter");
    var test = document.CreateElement("test");
    test.InnerText = fullName;
    filter.AppendChild(test);
    return TestFilter.FromXml(filter.OuterXml);
}
