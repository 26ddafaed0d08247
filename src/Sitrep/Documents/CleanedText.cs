using System.Collections.Immutable;
using Sitrep.Text;

namespace Sitrep.Documents;

/// <summary>Text after junk removal, its map back to the input text, and every removed span with its reason.</summary>
public sealed record CleanedText(string Text, OffsetMap ToSource, ImmutableArray<RemovedSpan> Removed, string? Headline);
