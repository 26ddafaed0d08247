using Sitrep.Text;

namespace Sitrep.Geo;

/// <summary>
/// A toponym in text, its role and its resolution. <see cref="Precision"/> is ACLED's geo precision:
/// 1 the town or site itself, 2 near or part of a town's area, 3 a province or region.
/// <see cref="Reference"/> is the place a vague mention is relative to ("east of X", "rural X").
/// </summary>
public sealed record PlaceMention(
    TextSpan Span,
    string Text,
    ToponymRole Role,
    Place? Place,
    int Precision,
    Place? Reference,
    string? Relation,
    double Score);
