// Runs an embedded Neo4j 5.26 Community DBMS with Bolt on 127.0.0.1 and auth on, until SIGTERM or stdin closes.
// Started by tools/neo4j/index.ts as a single-file source program: `java -cp <neo4j jars> Launch.java --home DIR --port N`.
// Protocol: the first stdin line is the password of user `neo4j`; stdout gets one line `HARVESTGRAPH_NEO4J_READY <port>`.

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import java.time.Duration;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

public class Launch {
    static final String READY = "HARVESTGRAPH_NEO4J_READY";

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            fail(rootCause(e));
        }
    }

    /** The innermost cause, which names the real problem (a locked store, a taken port), as one line. */
    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = String.valueOf(root.getMessage()).replace('\n', ' ');
        return root.getClass().getSimpleName() + ": " + message;
    }

    static void run(String[] args) throws Exception {
        Path home = null;
        int port = 0;
        long pageCacheMb = 64;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(args[++i]).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--pagecache-mb" -> pageCacheMb = Long.parseLong(args[++i]);
                default -> fail("unknown argument " + args[i]);
            }
        }
        if (home == null) fail("--home DIR is required");

        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String password = stdin.readLine();
        if (password == null || password.length() < 8) fail("expected a password of at least 8 characters on stdin");

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                // Transaction logs otherwise preallocate 256 MiB files: too much for a throw-away test store.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                // Bolt waits 2 x 5 s for idle connections at shutdown, after the stores are already checkpointed.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "harvestgraph-neo4j-shutdown"));

        setPassword(dbms, password);

        var system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        var bolt = system.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        System.out.println(READY + " " + bolt.getPort());
        System.out.flush();

        // The parent holds our stdin open while it wants the server; EOF (parent gone or stop()) ends the process.
        while (stdin.read() != -1) {
            // ignore anything else written
        }
        System.exit(0);
    }

    /** Sets the `neo4j` user's password on the system database; the same password twice is not an error for us. */
    static void setPassword(DatabaseManagementService dbms, String password) {
        var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.contains("Old password and new password cannot be the same")) throw e;
        }
    }

    static void fail(String message) {
        System.err.println("Launch: " + message);
        System.exit(2);
    }
}
