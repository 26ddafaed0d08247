namespace Sitrep.Events;

/// <summary>One trigger of data/events/triggers.tsv.</summary>
/// <param name="Lemma">Base form.</param>
/// <param name="IsVerb">Verb (true) or noun.</param>
/// <param name="Class">What it denotes.</param>
/// <param name="Acled">Suggested ACLED sub-event type, or null for PLOVER-only triggers.</param>
/// <param name="Plover">PLOVER type and mode.</param>
/// <param name="Cameo">CAMEO code.</param>
public sealed record TriggerEntry(string Lemma, bool IsVerb, TriggerClass Class, AcledSubEventType? Acled, PloverCode Plover, string Cameo);
