package org.concord.bench;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP server that accepts every message and counts it with its recipients: the local
 * mail server the invitations go to, cheap enough not to compete with the application for the CPU.
 */
final class Mail implements AutoCloseable {

  private final ServerSocket server;
  private final AtomicLong messages = new AtomicLong();
  private final Set<String> recipients = ConcurrentHashMap.newKeySet();

  Mail() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "smtp-sink");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  long messages() {
    return messages.get();
  }

  /** Recipients that start with {@code prefix}, among all messages received. */
  long recipients(String prefix) {
    return recipients.stream().filter(r -> r.startsWith(prefix)).count();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread session = new Thread(() -> converse(client), "smtp-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void converse(Socket client) {
    try (client;
        InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream()) {
      reply(out, "220 bench SMTP sink");
      String line;
      Set<String> pending = new java.util.HashSet<>();
      while ((line = readLine(in)) != null) {
        String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
        switch (verb) {
          case "EHLO" -> reply(out, "250-bench\r\n250-8BITMIME\r\n250 SIZE 10485760");
          case "HELO", "RSET", "NOOP" -> {
            pending.clear();
            reply(out, "250 OK");
          }
          case "MAIL" -> reply(out, "250 OK");
          case "RCPT" -> {
            int lt = line.indexOf('<');
            int gt = line.indexOf('>');
            pending.add(lt >= 0 && gt > lt ? line.substring(lt + 1, gt) : line.substring(8).trim());
            reply(out, "250 OK");
          }
          case "DATA" -> {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            String data;
            while ((data = readLine(in)) != null && !data.equals(".")) {
              // discarded: the count is what the benchmark needs
            }
            messages.incrementAndGet();
            recipients.addAll(pending);
            pending.clear();
            reply(out, "250 OK queued");
          }
          case "QUIT" -> {
            reply(out, "221 Bye");
            return;
          }
          default -> reply(out, "502 Command not implemented");
        }
      }
    } catch (IOException gone) {
      // the client hung up
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /**
   * The server's own rate: {@code count} messages of an invitation's size sent to it straight from
   * here over one connection, as the application's dispatcher would. Messages per second.
   */
  double sendDirect(int count, String prefix) throws MessagingException {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(port()));
    Session session = Session.getInstance(properties);
    String text = "You are invited to rate the practice guidance. ".repeat(30);
    long before = messages();
    long begun = System.nanoTime();
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      for (int i = 0; i < count; i++) {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("concord@localhost"));
        message.setRecipient(
            Message.RecipientType.TO, new InternetAddress(prefix + i + "@example.org"));
        message.setSubject("Invitation: a national consultation");
        message.setText(text, "UTF-8");
        message.saveChanges();
        transport.sendMessage(message, message.getAllRecipients());
      }
    }
    double seconds = (System.nanoTime() - begun) / 1e9;
    if (messages() - before != count) {
      throw new IllegalStateException(
          "The SMTP sink counted " + (messages() - before) + " of " + count + " direct messages");
    }
    return count / seconds;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
