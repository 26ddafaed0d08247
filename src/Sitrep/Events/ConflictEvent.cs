using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Temporal;
using Sitrep.Text;

namespace Sitrep.Events;

/// <summary>Stable id of a coded event (a hash of document, sentence and trigger), or of a fused event.</summary>
public readonly record struct EventId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Whether a statement reports something that happened.</summary>
public enum Factuality
{
    /// <summary>Reported as having happened.</summary>
    Asserted,
    /// <summary>Negated ("did not attack").</summary>
    Negated,
    /// <summary>Denied by someone ("denied shelling").</summary>
    Denied,
    /// <summary>Planned, announced, intended ("plans to deploy", "in an attempt to").</summary>
    Planned,
    /// <summary>Threatened or vowed.</summary>
    Threatened,
    /// <summary>Feared or warned of.</summary>
    Feared,
    /// <summary>Hypothetical or conditional.</summary>
    Hypothetical,
    /// <summary>Future tense.</summary>
    Future,
    /// <summary>Claimed by a party with a doubtful hedge ("claimed", "allegedly").</summary>
    Claimed,
}

/// <summary>Kinds of actors, coarse enough to drive ACLED's rules.</summary>
public enum ActorKind
{
    /// <summary>Military, police and other forces of a state acting at home.</summary>
    StateForces,
    /// <summary>Rebel group fighting a state.</summary>
    RebelGroup,
    /// <summary>Political or identity (ethnic, tribal, communal) militia.</summary>
    Militia,
    /// <summary>A state's forces acting abroad, or a foreign coalition.</summary>
    ExternalForce,
    /// <summary>Civilians.</summary>
    Civilians,
    /// <summary>Protesters.</summary>
    Protesters,
    /// <summary>Rioters.</summary>
    Rioters,
    /// <summary>International organisation.</summary>
    InternationalBody,
    /// <summary>Monitor or source (observatory, NGO).</summary>
    Monitor,
    /// <summary>Media outlet.</summary>
    Media,
    /// <summary>A government or politician acting politically.</summary>
    Government,
    /// <summary>Unidentified armed group.</summary>
    Unidentified,
}

/// <summary>A reference to an actor in the registry (or an unregistered name found in text).</summary>
public sealed record ActorRef(string Id, string Name, ActorKind Kind, int AcledInter, string? Country = null);

/// <summary>Where an event happened, in ACLED terms.</summary>
public sealed record EventLocation(
    string Name,
    string PlaceId,
    double Latitude,
    double Longitude,
    string Country,
    string? Admin1,
    string? Admin2,
    int GeoPrecision);

/// <summary>A change of control over a place.</summary>
public sealed record TerritoryChange(EventLocation Place, ActorRef? From, ActorRef? To, DateOnly Date)
{
    /// <summary>What kind of change: capture (default), non-violent transfer, withdrawal, encirclement, or a claim of holding.</summary>
    public TerritoryChangeKind Kind { get; init; } = TerritoryChangeKind.Capture;
}

/// <summary>PLOVER event type and mode.</summary>
public sealed record PloverCode(string Type, string? Mode);

/// <summary>One report of an event: which document and which sentence said it.</summary>
public sealed record EventSource(
    DocumentId DocumentId,
    string? Outlet,
    string? Url,
    DateOnly? Published,
    string Sentence,
    TextSpan Span);

/// <summary>
/// One coded conflict event, ACLED-style, pointing at its evidence. Extraction yields one per report;
/// fusion merges reports of the same occurrence into one with several <see cref="Sources"/>.
/// </summary>
public sealed record ConflictEvent
{
    /// <summary>Stable id.</summary>
    public required EventId Id { get; init; }
    /// <summary>Best single date.</summary>
    public required DateOnly EventDate { get; init; }
    /// <summary>ACLED time precision.</summary>
    public required TimePrecision TimePrecision { get; init; }
    /// <summary>The interval the event is known to lie in.</summary>
    public required DateInterval DateInterval { get; init; }
    /// <summary>ACLED sub-event type; the event type follows from it.</summary>
    public required AcledSubEventType SubEventType { get; init; }
    /// <summary>ACLED event type.</summary>
    public AcledEventType EventType => AcledTaxonomy.TypeOf(SubEventType);
    /// <summary>PLOVER type and mode.</summary>
    public required PloverCode Plover { get; init; }
    /// <summary>CAMEO code.</summary>
    public required string Cameo { get; init; }
    /// <summary>Main actor (who acted).</summary>
    public ActorRef? Actor1 { get; init; }
    /// <summary>Actors associated with actor 1 ("backed by", "and their allies").</summary>
    public ImmutableArray<ActorRef> AssocActor1 { get; init; } = [];
    /// <summary>Actor acted upon.</summary>
    public ActorRef? Actor2 { get; init; }
    /// <summary>Actors associated with actor 2.</summary>
    public ImmutableArray<ActorRef> AssocActor2 { get; init; } = [];
    /// <summary>ACLED civilian targeting flag.</summary>
    public bool CivilianTargeting { get; init; }
    /// <summary>Where; null when no place could be found.</summary>
    public EventLocation? Location { get; init; }
    /// <summary>Fatalities by ACLED's rule (lowest credible figure); null when unreported.</summary>
    public int? Fatalities { get; init; }
    /// <summary>Injured, when reported.</summary>
    public int? Injured { get; init; }
    /// <summary>Change of control, for territorial events.</summary>
    public TerritoryChange? Territory { get; init; }
    /// <summary>Factuality of the statement.</summary>
    public Factuality Factuality { get; init; } = Factuality.Asserted;
    /// <summary>Who the text says reported it ("Syrian Observatory for Human Rights").</summary>
    public ImmutableArray<string> ReportedBy { get; init; } = [];
    /// <summary>Evidence: every report of this event.</summary>
    public ImmutableArray<EventSource> Sources { get; init; } = [];
    /// <summary>Confidence 0–1.</summary>
    public double Confidence { get; init; }
    /// <summary>Short English summary ("IS recaptured Albu Kamal").</summary>
    public string? Summary { get; init; }
    /// <summary>The trigger words as they appear in the text.</summary>
    public string? Trigger { get; init; }
    /// <summary>Which rule filled each role (evidence for the coding).</summary>
    public EventRoles? Roles { get; init; }
}
