using System.Diagnostics;

namespace Sitrep.Cli.Commands;

/// <summary>
/// A one-line progress bar on stderr, redrawn at most 10 times a second; silent when stderr is not a terminal.
/// <see cref="WriteLine"/> prints a message above the bar.
/// </summary>
sealed class ProgressBar : IDisposable
{
    readonly bool _enabled = !Console.IsErrorRedirected;
    readonly Stopwatch _clock = Stopwatch.StartNew();
    readonly Lock _gate = new();
    long _lastDraw = -1000;
    int _drawn;

    /// <summary>Draws <paramref name="done"/> of <paramref name="total"/> (unknown total: a counter) with a label.</summary>
    public void Update(long done, long total, string label, bool force = false)
    {
        if (!_enabled)
        {
            return;
        }

        lock (_gate)
        {
            var now = _clock.ElapsedMilliseconds;
            if (!force && now - _lastDraw < 100)
            {
                return;
            }

            _lastDraw = now;
            const int width = 30;
            var bar = total > 0
                ? new string('#', (int)Math.Min(width, width * done / total)).PadRight(width, '.')
                : new string('.', width);
            var text = total > 0 ? $"[{bar}] {done}/{total} {label}" : $"{done:N0} {label}";
            var max = Math.Max(20, SafeWidth() - 1);
            if (text.Length > max)
            {
                text = text[..max];
            }

            Console.Error.Write("\r" + text.PadRight(Math.Max(_drawn, text.Length)));
            _drawn = text.Length;
        }
    }

    /// <summary>Prints <paramref name="message"/> on its own stderr line, keeping the bar below it.</summary>
    public void WriteLine(string message)
    {
        lock (_gate)
        {
            Clear();
            Console.Error.WriteLine(message);
        }
    }

    /// <summary>Removes the bar.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            Clear();
        }
    }

    void Clear()
    {
        if (_enabled && _drawn > 0)
        {
            Console.Error.Write("\r" + new string(' ', _drawn) + "\r");
            _drawn = 0;
        }
    }

    static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 100;
        }
        catch (IOException)
        {
            return 100;
        }
    }
}
