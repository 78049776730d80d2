package nl.actiegraaf.cli;

import picocli.CommandLine.Command;

/** {@code link}: linksets from the graph to other open data, one subcommand per source. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Link the graph to open data of others; each source becomes a linkset graph of its own.",
        subcommands = {LinkTkCommand.class})
public final class LinkCommand {
}
