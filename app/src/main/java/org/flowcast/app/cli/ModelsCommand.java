package org.flowcast.app.cli;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.flowcast.jobs.cli.Tables;
import org.flowcast.model.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code flowcast models}: the registered models. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Lists the models 'flowcast train' and 'flowcast evaluate' know.")
public final class ModelsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<List<String>> rows = new ArrayList<>();
        for (ModelRegistry.Entry entry : ModelRegistry.all()) {
            String parameters = entry.parameterDefaults().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "));
            rows.add(List.of(entry.name(), entry instanceof ModelRegistry.Neural ? "neural" : "statistical", entry.description(),
                    parameters.isEmpty() ? "-" : parameters));
        }
        spec.commandLine().getOut().println(Tables.render(List.of("model", "kind", "what it does", "--param NAME=VALUE (default)"), rows));
        spec.commandLine().getOut().println("Set a parameter with 'flowcast train --model NAME --param NAME=VALUE'.");
        return 0;
    }
}
