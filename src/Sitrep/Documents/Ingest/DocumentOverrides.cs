namespace Sitrep.Documents.Ingest;

/// <summary>Values the user imposes on every document of a run (<c>--published</c>, <c>--outlet</c>).</summary>
public sealed record DocumentOverrides(DateOnly? Published = null, string? Outlet = null)
{
    /// <summary>No overrides.</summary>
    public static DocumentOverrides None { get; } = new();
}
