package org.litmusfarm.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka broker in KRaft mode (one process that is both broker and controller),
 * running in this JVM on 127.0.0.1. Start one with {@code EmbeddedKafka.builder().start()} and
 * close it when done; clients connect to {@link #bootstrapServers()}.
 *
 * <p>The log directory is a fresh temporary directory deleted on close, unless one is configured:
 * a configured directory is kept, and a later start on it finds its topics again.
 *
 * <p>A shutdown hook closes a broker that is still open when the JVM exits. While the broker
 * starts, a fatal fault that would make Kafka stop the JVM (a taken controller port, an {@code
 * OutOfMemoryError}) fails the start instead, or retries it with other ports. Once started, the
 * broker keeps Kafka's fault handling and halts the JVM on a fatal fault, as a standalone broker
 * would. The broker with a few clients needs about 40 MiB of heap; give the JVM at least 48 MiB.
 *
 * <p>Thread-safe: {@link #createTopic} may be called from several threads; {@link #close} is
 * idempotent.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final int START_ATTEMPTS = 3;

  private final KafkaRaftServer server;
  private final Path logDirectory;
  private final boolean deleteOnClose;
  private final String bootstrapServers;
  private final Duration timeout;
  private final Duration startupTime;
  private final Thread shutdownHook;
  private boolean closed;

  private EmbeddedKafka(
      KafkaRaftServer server,
      Path logDirectory,
      boolean deleteOnClose,
      String bootstrapServers,
      Duration timeout,
      Duration startupTime) {
    this.server = server;
    this.logDirectory = logDirectory;
    this.deleteOnClose = deleteOnClose;
    this.bootstrapServers = bootstrapServers;
    this.timeout = timeout;
    this.startupTime = startupTime;
    this.shutdownHook = new Thread(this::close, "embedded-kafka-shutdown");
  }

  /** A builder with the defaults: temporary log directory, 60 s timeout, no extra properties. */
  public static Builder builder() {
    return new Builder();
  }

  /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:40123}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The directory that holds the broker's logs and metadata. */
  public Path logDirectory() {
    return logDirectory;
  }

  /** Wall time from the start of {@link Builder#start()} until the broker answered a client. */
  public Duration startupTime() {
    return startupTime;
  }

  /**
   * Creates a topic with replication factor 1 and waits until every partition has a leader, so
   * that producers can write to it at once.
   *
   * @throws IllegalStateException if the topic cannot be created, with the broker's reason
   */
  public void createTopic(String name, int partitions) {
    Objects.requireNonNull(name, "name");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    try (Admin admin = admin(bootstrapServers, timeout)) {
      admin
          .createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
          .all()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      awaitLeaders(admin, name, partitions);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot create topic " + name + ": " + FailureReason.of(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    }
  }

  private void awaitLeaders(Admin admin, String name, int partitions)
      throws ExecutionException, InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      TopicDescription description;
      try {
        description =
            admin
                .describeTopics(List.of(name))
                .allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .get(name);
      } catch (ExecutionException e) {
        // A topic just created may not be in the broker's metadata yet: ask again until the deadline.
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
          throw e;
        }
        description = null;
      }
      boolean ready =
          description != null
              && description.partitions().size() == partitions
              && description.partitions().stream().allMatch(p -> p.leader() != null);
      if (ready) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("partitions of " + name + " got no leader within " + timeout);
      }
      Thread.sleep(20);
    }
  }

  private static Admin admin(String bootstrapServers, Duration timeout) {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-admin");
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    return Admin.create(properties);
  }

  /** Stops the broker and, if the log directory was temporary, deletes it. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting and the hook may be waiting for this call to finish: nothing to undo.
      }
    }
    server.shutdown();
    server.awaitShutdown();
    if (deleteOnClose) {
      try {
        DirectoryTree.delete(logDirectory);
      } catch (IOException e) {
        throw new IllegalStateException(
            "cannot delete kafka log directory " + logDirectory + ": " + FailureReason.of(e), e);
      }
    }
  }

  @Override
  public String toString() {
    return "EmbeddedKafka[" + bootstrapServers + ", " + logDirectory + "]";
  }

  /** Settings for an {@link EmbeddedKafka}; not thread-safe. */
  public static final class Builder {
    private Path logDirectory;
    private Duration timeout = Duration.ofSeconds(60);
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private IntSupplier ports = LoopbackPorts::free;

    private Builder() {}

    /** Where the broker's two ports come from (broker first, then controller); for tests. */
    Builder ports(IntSupplier ports) {
      this.ports = Objects.requireNonNull(ports, "ports");
      return this;
    }

    /** Keeps the broker's data in {@code directory} (created if missing, kept on close). */
    public Builder logDirectory(Path directory) {
      this.logDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** How long start-up and each admin call may take; 60 s by default. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Sets a broker property, overriding the embedded defaults (listeners excepted). */
    public Builder brokerProperty(String key, String value) {
      overrides.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Formats the log directory and starts the broker, retrying with other ports if a chosen port
     * was taken meanwhile.
     *
     * @throws IllegalStateException "kafka did not start: REASON" when the broker cannot start
     */
    public EmbeddedKafka start() {
      long begin = System.nanoTime();
      RuntimeException last = null;
      for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
        try {
          synchronized (ExitGuard.LOCK) {
            ExitGuard guard = ExitGuard.install();
            try {
              return startOnce(begin, guard);
            } finally {
              guard.close();
            }
          }
        } catch (PortTakenException e) {
          last = e;
        } catch (RuntimeException e) {
          last = e;
          break;
        }
      }
      throw new IllegalStateException("kafka did not start: " + FailureReason.of(last), last);
    }

    private EmbeddedKafka startOnce(long begin, ExitGuard guard) {
      boolean temporary = logDirectory == null;
      Path directory;
      try {
        directory =
            temporary
                ? Files.createTempDirectory("litmus-kafka-")
                : Files.createDirectories(logDirectory);
      } catch (IOException e) {
        throw new IllegalStateException("cannot create log directory: " + FailureReason.of(e), e);
      }
      KafkaRaftServer server = null;
      int brokerPort = ports.getAsInt();
      int controllerPort = ports.getAsInt();
      try {
        Properties properties = brokerProperties(directory, brokerPort, controllerPort);
        if (!Files.exists(directory.resolve("meta.properties"))) {
          format(directory);
        }
        server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
        server.startup();
        String bootstrap = "127.0.0.1:" + brokerPort;
        awaitBroker(bootstrap, timeout);
        guard.rethrowIfRequested();
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        EmbeddedKafka kafka =
            new EmbeddedKafka(server, directory, temporary, bootstrap, timeout, took);
        // Stops the broker and deletes a temporary log directory when the JVM exits unclosed.
        Runtime.getRuntime().addShutdownHook(kafka.shutdownHook);
        return kafka;
      } catch (Exception e) {
        stopQuietly(server, e);
        if (temporary) {
          deleteQuietly(directory, e);
        }
        // Checked once the broker has let go of its own sockets: a port still taken is another's.
        if (FailureReason.isPortClash(e)
            || !LoopbackPorts.isFree(brokerPort)
            || !LoopbackPorts.isFree(controllerPort)) {
          throw new PortTakenException(e);
        }
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
      }
    }

    private Properties brokerProperties(Path directory, int brokerPort, int controllerPort) {
      Properties p = new Properties();
      p.put("node.id", String.valueOf(NODE_ID));
      p.put("process.roles", "broker,controller");
      p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
      p.put("controller.listener.names", CONTROLLER_LISTENER);
      p.put("inter.broker.listener.name", "PLAINTEXT");
      p.put("log.dirs", directory.toString());
      p.put("num.partitions", "1");
      p.put("default.replication.factor", "1");
      p.put("min.insync.replicas", "1");
      p.put("offsets.topic.replication.factor", "1");
      p.put("offsets.topic.num.partitions", "4");
      p.put("transaction.state.log.replication.factor", "1");
      p.put("transaction.state.log.min.isr", "1");
      p.put("transaction.state.log.num.partitions", "4");
      p.put("share.coordinator.state.topic.replication.factor", "1");
      p.put("share.coordinator.state.topic.min.isr", "1");
      p.put("group.initial.rebalance.delay.ms", "0");
      // The cleaner's dedupe buffer lives on the heap; Kafka's 128 MiB default dwarfs the rest.
      p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
      p.put("num.network.threads", "2");
      p.put("num.io.threads", "2");
      p.put("num.recovery.threads.per.data.dir", "1");
      p.put("background.threads", "2");
      p.putAll(overrides);
      String broker = "PLAINTEXT://127.0.0.1:" + brokerPort;
      String controller = CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort;
      p.put("listeners", broker + "," + controller);
      p.put("advertised.listeners", broker);
      p.put(
          "listener.security.protocol.map",
          "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
      return p;
    }

    private static void format(Path directory) throws Exception {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setClusterId(Uuid.randomUuid().toString())
          .setNodeId(NODE_ID)
          .setDirectories(List.of(directory.toString()))
          .setMetadataLogDirectory(directory.toString())
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    }

    private static void stopQuietly(KafkaRaftServer server, Exception cause) {
      if (server == null) {
        return;
      }
      try {
        server.shutdown();
        server.awaitShutdown();
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }

    private static void deleteQuietly(Path directory, Exception cause) {
      try {
        DirectoryTree.delete(directory);
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
    }
  }

  /** A port chosen for the broker was taken by someone else before the broker could bind it. */
  private static final class PortTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortTakenException(Exception cause) {
      super("a port chosen for the broker was taken meanwhile: " + FailureReason.of(cause), cause);
    }
  }

  private static void awaitBroker(String bootstrapServers, Duration timeout) {
    try (Admin admin = admin(bootstrapServers, timeout)) {
      int nodes =
          admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
      if (nodes != 1) {
        throw new IllegalStateException("broker reports " + nodes + " nodes, expected 1");
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("broker did not answer: " + FailureReason.of(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the broker", e);
    }
  }
}
