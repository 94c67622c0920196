package org.litmusfarm.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the broker starts, restarts and refuses to start; each test starts its own broker. */
class EmbeddedKafkaStartupTest {

  @Test
  void keepsAConfiguredLogDirectoryAndItsTopicsAcrossRestarts(@TempDir Path directory)
      throws Exception {
    Path logs = directory.resolve("kafka");
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().logDirectory(logs).start()) {
      kafka.createTopic("kept", 2);
    }
    assertTrue(Files.isDirectory(logs), "configured log directory was deleted on close");
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().logDirectory(logs).start()) {
      System.out.printf(
          "kafka restarted on its own log directory in %d ms%n", kafka.startupTime().toMillis());
      assertTrue(topics(kafka).contains("kept"), "topic lost across restart");
    }
  }

  @Test
  void deletesItsTemporaryLogDirectoryOnClose() {
    Path logs;
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().start()) {
      logs = kafka.logDirectory();
      assertTrue(Files.isDirectory(logs));
    }
    assertFalse(Files.exists(logs), "temporary log directory left behind: " + logs);
  }

  @Test
  void retriesWithOtherPortsWhenTheControllerPortIsTakenInsteadOfStoppingTheJvm()
      throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Deque<Integer> ports =
          new ArrayDeque<>(List.of(LoopbackPorts.free(), taken.getLocalPort()));
      IntSupplier source = () -> ports.isEmpty() ? LoopbackPorts.free() : ports.removeFirst();
      try (EmbeddedKafka kafka = EmbeddedKafka.builder().ports(source).start()) {
        assertTrue(ports.isEmpty(), "the taken port was never tried");
        kafka.createTopic("after-retry", 1);
      }
    }
  }

  @Test
  void failsLoudlyWithTheReasonForABadBrokerProperty() {
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () -> EmbeddedKafka.builder().brokerProperty("num.io.threads", "many").start());
    assertTrue(failure.getMessage().startsWith("kafka did not start: "), failure.getMessage());
    assertTrue(failure.getMessage().contains("num.io.threads"), failure.getMessage());
  }

  @Test
  void failsLoudlyWhenTheLogDirectoryCannotBeCreated(@TempDir Path directory) throws Exception {
    Path file = Files.writeString(directory.resolve("not-a-directory"), "x");
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () -> EmbeddedKafka.builder().logDirectory(file.resolve("kafka")).start());
    assertEquals(
        "kafka did not start: cannot create log directory: "
            + file.resolve("kafka")
            + ": Not a directory",
        failure.getMessage());
  }

  private static Set<String> topics(EmbeddedKafka kafka) throws Exception {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (Admin admin = Admin.create(properties)) {
      return admin.listTopics().names().get(30, TimeUnit.SECONDS);
    }
  }
}
