namespace Assignment1.Grader.Grading;

/// <summary>
/// The resident memory of a process and all its descendants (the sandbox and the test runner inside it), read from
/// /proc. The supervisor takes its growth as a sign of life: a test faulting in fresh memory (a first MNIST load in a
/// new process costs seconds of page faults on a virtual machine) is working, where an infinite loop stays flat.
/// </summary>
public static class ProcessTreeMemory
{
    /// <summary>
    /// Resident bytes of <paramref name="rootPid"/> and its descendants; null where /proc does not say (not Linux, or the
    /// process has ended).
    /// </summary>
    public static long? ResidentBytes(int rootPid)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        long pages = 0;
        bool found = false;
        var pending = new Stack<int>([rootPid]);
        var seen = new HashSet<int>();
        while (pending.TryPop(out int pid))
        {
            if (!seen.Add(pid))
            {
                continue;
            }
            try
            {
                // statm: size resident shared text lib data dt, in pages.
                pages += long.Parse(File.ReadAllText($"/proc/{pid}/statm").Split(' ')[1]);
                found = true;
                foreach (string task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
                {
                    foreach (string child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        pending.Push(int.Parse(child));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process (or a thread) ended while being read: what was read still counts.
            }
        }
        return found ? pages * Environment.SystemPageSize : null;
    }
}
