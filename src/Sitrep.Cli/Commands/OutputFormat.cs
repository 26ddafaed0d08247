using System.CommandLine;

namespace Sitrep.Cli.Commands;

/// <summary>How a verb prints its results: an aligned table, one JSON array, or JSON lines.</summary>
enum OutputFormat
{
    Table,
    Json,
    Jsonl,
}

/// <summary>The <c>--format</c> option.</summary>
static class OutputFormatOption
{
    public static Option<OutputFormat> Create() => new("--format")
    {
        Description = "Output format: table, json or jsonl",
        DefaultValueFactory = _ => OutputFormat.Table,
        CustomParser = r =>
        {
            var v = r.Tokens.Count > 0 ? r.Tokens[0].Value : "table";
            switch (v.ToLowerInvariant())
            {
                case "table": return OutputFormat.Table;
                case "json": return OutputFormat.Json;
                case "jsonl": return OutputFormat.Jsonl;
                default:
                    r.AddError($"--format: '{v}' is not one of table, json, jsonl");
                    return OutputFormat.Table;
            }
        },
    };
}
