using System.Text.Json.Serialization;

namespace Sitrep.Storage.Sqlite;

/// <summary>Source-generated JSON for the few values the store serialises.</summary>
[JsonSerializable(typeof(string[]), TypeInfoPropertyName = "StringArray")]
sealed partial class StoreJson : JsonSerializerContext;
