namespace Sitrep.Cli.Commands;
static class PlacesCommand { public static System.CommandLine.Command Create() => new("places"); }
