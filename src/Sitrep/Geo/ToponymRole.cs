namespace Sitrep.Geo;

/// <summary>What a toponym is doing in its sentence; only <see cref="Location"/> can be an event place.</summary>
public enum ToponymRole
{
    /// <summary>A place where something is or happens.</summary>
    Location,
    /// <summary>An adjective or people name ("Syrian troops", "Kurdish-led").</summary>
    Demonym,
    /// <summary>A place standing for its government or institution ("Ankara considers", "the Kremlin said").</summary>
    Metonym,
    /// <summary>Part of an organisation's or a person's name ("Syrian Observatory for Human Rights").</summary>
    PartOfName,
}
