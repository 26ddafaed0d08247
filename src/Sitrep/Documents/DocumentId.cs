namespace Sitrep.Documents;

/// <summary>Stable id of a document: the input's own id, else a content hash.</summary>
public readonly record struct DocumentId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
