using System.Collections.Frozen;

namespace Sitrep.Documents;

/// <summary>Lines seen in many documents of one outlet within a batch: boilerplate for that outlet.</summary>
public sealed record OutletProfile(string Outlet, FrozenSet<string> RecurringLines);
