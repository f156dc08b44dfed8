package uk.org.lcr.skills.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single-node OpenSearch server for development and CI, with the modules we use loaded from the classpath.
 *
 * <p>Usage: {@code java -cp ... uk.org.lcr.skills.search.EmbeddedNode [home [httpPort [transportPort]]]};
 * missing arguments fall back to the system properties {@code search.home}, {@code search.http.port} and
 * {@code search.transport.port}, then to {@code .cache/opensearch}, 9200 and 9300.
 */
public final class EmbeddedNode extends Node {

    private static final String CLUSTER_NAME = "skills-dev";

    private static final List<Class<? extends Plugin>> PLUGINS = List.of(
        Netty4Plugin.class, CommonAnalysisPlugin.class, MapperExtrasPlugin.class, ReindexPlugin.class, PainlessPlugin.class);

    private static final String LOG4J2_PROPERTIES = """
        status = error
        appender.console.type = Console
        appender.console.name = console
        appender.console.layout.type = PatternLayout
        appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n
        rootLogger.level = info
        rootLogger.appenderRef.console.ref = console
        """;

    private EmbeddedNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        super(environment, plugins, true);
    }

    public static void main(String[] args) {
        // As OpenSearch's own jvm.options do: log4j's shutdown hook would otherwise stop logging while the node closes.
        System.setProperty("log4j.shutdownHookEnabled", "false");
        System.setProperty("log4j2.disable.jmx", "true");
        Path home = Path.of(arg(args, 0, "search.home", ".cache/opensearch")).toAbsolutePath().normalize();
        int httpPort = Integer.parseInt(arg(args, 1, "search.http.port", "9200"));
        int transportPort = Integer.parseInt(arg(args, 2, "search.transport.port", "9300"));
        try {
            run(home, httpPort, transportPort);
        } catch (Throwable e) {
            // Summary last, so it is what the tail of node.log shows under the long stack trace.
            e.printStackTrace();
            System.err.println("OpenSearch failed to start: " + e);
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                System.err.println("  caused by: " + cause);
            }
            // halt, not exit: exit would run the shutdown hook, which would try to close a half-started node.
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(Path home, int httpPort, int transportPort) throws Exception {
        writeHome(home, httpPort, transportPort);
        Settings input = Settings.builder().put("path.home", home.toString()).build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            input, Map.of(), home.resolve("config"), () -> CLUSTER_NAME + "-node");
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(environment.settings())); // needed by %node_name
        LogConfigurator.configure(environment);

        Node node = new EmbeddedNode(environment, PLUGINS);
        // OpenSearch's threads are daemon threads; the real launcher keeps the JVM alive with a
        // non-daemon thread, we do it by parking main until the shutdown hook has closed the node.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("Error while stopping OpenSearch: " + e);
            } finally {
                stopped.countDown();
            }
        }, "opensearch-shutdown"));
        node.start();
        stopped.await();
    }

    /** Writes the config folder afresh each start, so a port change never meets a stale opensearch.yml. */
    private static void writeHome(Path home, int httpPort, int transportPort) throws Exception {
        Path config = Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("modules"));
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("tmp"));
        String yml = String.join("\n",
            "cluster.name: " + CLUSTER_NAME,
            "node.name: " + CLUSTER_NAME + "-node",
            "discovery.type: single-node",
            "network.host: 127.0.0.1",
            "http.port: " + httpPort,
            "transport.port: " + transportPort,
            "path.data: " + quote(home.resolve("data")),
            "path.logs: " + quote(home.resolve("logs")),
            // Dev machines and CI runners often have nearly full disks; the watermarks would make indices read-only.
            "cluster.routing.allocation.disk.threshold_enabled: false",
            "");
        Files.writeString(config.resolve("opensearch.yml"), yml, StandardCharsets.UTF_8);
        Files.writeString(config.resolve("log4j2.properties"), LOG4J2_PROPERTIES, StandardCharsets.UTF_8);
    }

    private static String quote(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String arg(String[] args, int index, String property, String fallback) {
        return args.length > index ? args[index] : System.getProperty(property, fallback);
    }
}
