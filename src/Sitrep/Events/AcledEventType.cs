namespace Sitrep.Events;

/// <summary>ACLED's six event types.</summary>
public enum AcledEventType
{
    /// <summary>Battles.</summary>
    Battles,
    /// <summary>Explosions/Remote violence.</summary>
    ExplosionsRemoteViolence,
    /// <summary>Violence against civilians.</summary>
    ViolenceAgainstCivilians,
    /// <summary>Protests.</summary>
    Protests,
    /// <summary>Riots.</summary>
    Riots,
    /// <summary>Strategic developments.</summary>
    StrategicDevelopments,
}
