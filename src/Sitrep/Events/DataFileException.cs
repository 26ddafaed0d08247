namespace Sitrep.Events;

/// <summary>A shipped data file (actors, triggers) is malformed: file, line and reason.</summary>
public sealed class DataFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DataFileException(string path, int line, string message)
        : base($"{path}:{line}: {message}")
    {
        Path = path;
        Line = line;
    }

    /// <summary>Creates the exception.</summary>
    public DataFileException() { Path = ""; }

    /// <summary>Creates the exception.</summary>
    public DataFileException(string message) : base(message) { Path = ""; }

    /// <summary>Creates the exception.</summary>
    public DataFileException(string message, Exception inner) : base(message, inner) { Path = ""; }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }
}
