using System.Xml;
using Assignment1.TestRunner;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

// The grader's test runner (a child process). Protocol:
//   stdin, first line: a nonce; then stdin is not read again.
//   args: --list                    list every test case with its grading properties
//         --run FILE [--max-output N] run the test cases whose full names are the lines of FILE, in order
//   stdout: lines "NONCE {json}" (see RunnerEvent); nothing else is written there.
// Tests run one at a time on one thread, in the order given.

string nonce = Console.In.ReadLine() ?? "";
var channel = new ResultChannel(Console.OpenStandardOutput(), nonce);
// From here on, whatever tests print goes to NUnit's per-test capture (or nowhere), never to the channel.
Console.SetOut(TextWriter.Null);
Console.SetIn(TextReader.Null);

string testAssembly = Path.Combine(AppContext.BaseDirectory, "Assignment1.Tests.dll");
var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
runner.Load(testAssembly, new Dictionary<string, object> { ["NumberOfTestWorkers"] = 0 });

if (args is ["--list"])
{
    foreach (var test in TestCases(runner.LoadedTest!))
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
    // One name at a time keeps the grader's order, and a hang or crash is always in a known test.
    foreach (string name in names)
    {
        runner.Run(listener, FullNameFilter(name));
    }
    channel.Send(new RunnerEvent("done", ""));
    return 0;
}

Console.Error.WriteLine("usage: Assignment1.TestRunner --list | --run FILE [--max-output N]   (nonce on stdin)");
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

static TestFilter FullNameFilter(string fullName)
{
    var document = new XmlDocument();
    var filter = document.CreateElement("filter");
    var test = document.CreateElement("test");
    test.InnerText = fullName;
    filter.AppendChild(test);
    return TestFilter.FromXml(filter.OuterXml);
}
