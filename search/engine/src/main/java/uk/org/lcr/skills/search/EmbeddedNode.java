package uk.org.lcr.skills.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * An OpenSearch node for development and CI, with the modules we use loaded from the classpath: a single-node
 * cluster by default, or one node of a cluster on loopback.
 *
 * <p>Usage: {@code java -cp ... uk.org.lcr.skills.search.EmbeddedNode [home [httpPort [transportPort]]]};
 * missing arguments fall back to the system properties {@code search.home}, {@code search.http.port} and
 * {@code search.transport.port}, then to {@code .cache/opensearch}, 9200 and 9300.
 *
 * <p>A node of a cluster is told so by system properties: {@code search.seed.hosts} (the transport addresses
 * of the cluster's nodes, comma-separated), {@code search.initial.cluster.managers} (the node names that vote
 * in the first election), {@code search.cluster.name} and {@code search.node.name}. Without seed hosts the
 * node is a cluster of its own ({@code discovery.type: single-node}), as in development.
 *
 * <p>With {@code search.exit.with.parent=true} the node stops when the process that started it has gone, so a
 * test run that is killed leaves no node behind.
 */
public final class EmbeddedNode extends Node {

    private static final String DEV_CLUSTER_NAME = "skills-dev";

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
        String seedHosts = System.getProperty("search.seed.hosts", "").strip();
        String clusterName = System.getProperty("search.cluster.name", DEV_CLUSTER_NAME);
        Topology topology = new Topology(
            clusterName,
            System.getProperty("search.node.name", clusterName + "-node"),
            seedHosts,
            System.getProperty("search.initial.cluster.managers", "").strip());
        try {
            run(home, httpPort, transportPort, topology);
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

    /** Which cluster this node belongs to and how it finds the others; no seed hosts means a cluster of one. */
    private record Topology(String clusterName, String nodeName, String seedHosts, String initialClusterManagers) {

        List<String> lines() {
            if (seedHosts.isEmpty()) {
                return List.of("cluster.name: " + clusterName, "node.name: " + nodeName, "discovery.type: single-node");
            }
            return List.of(
                "cluster.name: " + clusterName,
                "node.name: " + nodeName,
                "discovery.seed_hosts: " + yamlList(seedHosts),
                // Read only when the cluster forms for the first time; ignored once the data folder holds a cluster.
                "cluster.initial_cluster_manager_nodes: " + yamlList(initialClusterManagers));
        }

        private static String yamlList(String commaSeparated) {
            return "[" + String.join(", ", Arrays.stream(commaSeparated.split(","))
                .map(String::strip).filter(item -> !item.isEmpty()).map(item -> "\"" + item + "\"").toList()) + "]";
        }
    }

    private static void run(Path home, int httpPort, int transportPort, Topology topology) throws Exception {
        writeHome(home, httpPort, transportPort, topology);
        Settings input = Settings.builder().put("path.home", home.toString()).build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            input, Map.of(), home.resolve("config"), topology::nodeName);
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
        if (Boolean.getBoolean("search.exit.with.parent")) {
            exitWithParent();
        }
        stopped.await();
    }

    /** Stops the JVM (closing the node through the shutdown hook) once the parent process has gone. */
    private static void exitWithParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return;
        }
        long parentPid = parent.get().pid();
        Thread watcher = new Thread(() -> {
            // A parent that dies hands its children to another process, even before it is reaped.
            while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parentPid) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("The process that started this node (pid " + parentPid + ") has gone: stopping");
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Writes the config folder afresh each start, so a port change never meets a stale opensearch.yml. */
    private static void writeHome(Path home, int httpPort, int transportPort, Topology topology) throws Exception {
        Path config = Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("modules"));
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("tmp"));
        List<String> lines = new ArrayList<>(topology.lines());
        lines.addAll(List.of(
            "network.host: 127.0.0.1",
            "http.port: " + httpPort,
            "transport.port: " + transportPort,
            "path.data: " + quote(home.resolve("data")),
            "path.logs: " + quote(home.resolve("logs")),
            // Dev machines and CI runners often have nearly full disks; the watermarks would make indices read-only.
            "cluster.routing.allocation.disk.threshold_enabled: false",
            ""));
        Files.writeString(config.resolve("opensearch.yml"), String.join("\n", lines), StandardCharsets.UTF_8);
        Files.writeString(config.resolve("log4j2.properties"), LOG4J2_PROPERTIES, StandardCharsets.UTF_8);
    }

    private static String quote(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String arg(String[] args, int index, String property, String fallback) {
        return args.length > index ? args[index] : System.getProperty(property, fallback);
    }
}
