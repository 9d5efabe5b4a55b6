package org.concord.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of an SMTP server for the Vert.x mail client without TLS or AUTH, that misbehaves as
 * its {@link Script} says: each connection, counted from 1, may be refused at the greeting, left
 * without a greeting, or end an outage (every open connection dropped, no listening for a while);
 * each message, counted from 1 by its MAIL FROM, may be refused at RCPT TO or after its data, or
 * dropped in the middle of its data; and some recipients are refused for good.
 */
final class ScriptedSmtpServer implements AutoCloseable {

  /** What goes wrong on one connection (the first three) or with one message (the others). */
  enum Fault {
    NONE,
    /** 421 at the greeting, then the server hangs up. */
    GREETING_421,
    /** No greeting at all; the client's timeout has to end it. */
    SILENT,
    /** Every open connection drops, this one at once, and the server stops listening a while. */
    OUTAGE,
    /** 452 to RCPT TO. */
    RCPT_452,
    /** 451 after the whole message was read: not accepted. */
    DATA_451,
    /** The socket closes after a few lines of the message. */
    DROP_IN_DATA
  }

  interface Script {
    /** NONE, GREETING_421, SILENT or OUTAGE. */
    Fault forConnection(int connection);

    /** NONE, RCPT_452, DATA_451 or DROP_IN_DATA. */
    Fault forMessage(int message);

    /** The permanent reply to RCPT TO for this recipient, or null to accept it. */
    String refusal(String recipient);
  }

  /** A message the server accepted: the client was told 250 after the final dot. */
  record Accepted(String messageId, String recipient) {}

  private static final Pattern ADDRESS = Pattern.compile("<([^>]*)>");
  private static final Pattern MESSAGE_ID =
      Pattern.compile("^Message-ID:\\s*(\\S+)", Pattern.CASE_INSENSITIVE);

  private static final Duration SILENCE = Duration.ofSeconds(4);

  private final int port;
  private final Script script;
  private final Duration outage;
  private final List<Accepted> accepted = new ArrayList<>();
  private final List<String> refusedAfterData = new ArrayList<>();
  private final Map<String, Integer> faults = new TreeMap<>();
  private volatile ServerSocket listener;
  private volatile boolean running = true;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private int connections;
  private int messages;
  private final Thread acceptor;

  ScriptedSmtpServer(int port, Script script, Duration outage) throws IOException {
    this.port = port;
    this.script = script;
    this.outage = outage;
    listener = listen();
    acceptor = new Thread(this::acceptLoop, "scripted-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  synchronized List<Accepted> accepted() {
    return List.copyOf(accepted);
  }

  /** Message-IDs of messages the server read in full and then refused with 451. */
  synchronized List<String> refusedAfterData() {
    return List.copyOf(refusedAfterData);
  }

  /**
   * How often each fault and each permanent refusal took effect, by name or reply code (a message
   * fault scripted for a recipient that is refused for good does not).
   */
  synchronized Map<String, Integer> faults() {
    return new TreeMap<>(faults);
  }

  synchronized int connections() {
    return connections;
  }

  /** How many messages were begun with MAIL FROM. */
  synchronized int messages() {
    return messages;
  }

  @Override
  public void close() throws IOException {
    running = false;
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
  }

  private ServerSocket listen() throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return socket;
  }

  private void acceptLoop() {
    while (running) {
      try {
        Socket client = listener.accept();
        Fault fault;
        synchronized (this) {
          connections++;
          fault = script.forConnection(connections);
          if (fault != Fault.NONE) {
            faults.merge(fault.name(), 1, Integer::sum);
          }
        }
        if (fault == Fault.OUTAGE) {
          client.close();
          listener.close();
          for (Socket socket : open) {
            socket.close();
          }
          Thread.sleep(outage.toMillis());
          if (!running) {
            return;
          }
          listener = listen();
          continue;
        }
        Thread session = new Thread(() -> serve(client, fault), "scripted-smtp-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException e) {
        if (running) {
          throw new IllegalStateException("The scripted SMTP server stopped", e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void serve(Socket socket, Fault connectionFault) {
    open.add(socket);
    Fault fault = connectionFault;
    try (socket) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      if (fault == Fault.GREETING_421) {
        reply(out, "421 4.3.2 Service not available, closing channel");
        return;
      }
      if (fault == Fault.SILENT) {
        // Never greet; hang up well after the client's timeout, so its socket is not held forever.
        socket.setSoTimeout((int) SILENCE.toMillis());
        try {
          while (in.readLine() != null) {}
        } catch (SocketTimeoutException e) {
          // The silence is over.
        }
        return;
      }
      reply(out, "220 scripted ESMTP");
      String recipient = null;
      String line;
      while ((line = in.readLine()) != null) {
        String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
        switch (verb) {
          case "EHLO" -> reply(out, "250-scripted\r\n250 ENHANCEDSTATUSCODES");
          case "HELO", "NOOP" -> reply(out, "250 2.0.0 OK");
          case "RSET" -> {
            recipient = null;
            reply(out, "250 2.0.0 OK");
          }
          case "MAIL" -> {
            recipient = null;
            fault = nextMessage();
            reply(out, "250 2.1.0 OK");
          }
          case "RCPT" -> {
            String to = address(line);
            String refusal = script.refusal(to);
            if (refusal != null) {
              count(refusal.substring(0, 3));
              reply(out, refusal);
            } else if (fault == Fault.RCPT_452) {
              count(fault.name());
              reply(out, "452 4.2.2 Insufficient system storage");
            } else {
              recipient = to;
              reply(out, "250 2.1.5 OK");
            }
          }
          case "DATA" -> {
            if (recipient == null) {
              reply(out, "554 5.5.1 No valid recipients");
              continue;
            }
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            String messageId = readMessage(in, fault == Fault.DROP_IN_DATA);
            if (fault == Fault.DROP_IN_DATA) {
              count(fault.name());
              return;
            }
            if (fault == Fault.DATA_451) {
              count(fault.name());
              synchronized (this) {
                refusedAfterData.add(messageId);
              }
              reply(out, "451 4.3.0 Local error in processing");
            } else {
              synchronized (this) {
                accepted.add(new Accepted(messageId, recipient));
              }
              reply(out, "250 2.0.0 OK queued");
            }
            recipient = null;
          }
          case "QUIT" -> {
            reply(out, "221 2.0.0 Bye");
            return;
          }
          default -> reply(out, "500 5.5.1 Command unrecognized");
        }
      }
    } catch (SocketException e) {
      // The client hung up, or an outage closed the socket: nothing to answer.
    } catch (IOException e) {
      throw new IllegalStateException("A scripted SMTP session failed", e);
    } finally {
      open.remove(socket);
    }
  }

  private synchronized Fault nextMessage() {
    messages++;
    return script.forMessage(messages);
  }

  /**
   * Reads the message up to the final dot and returns its Message-ID; when dropping, stops after a
   * few lines, in the middle of the headers or the body, without reading the rest.
   */
  private static String readMessage(BufferedReader in, boolean drop) throws IOException {
    String messageId = null;
    int lines = 0;
    String line;
    while ((line = in.readLine()) != null && !line.equals(".")) {
      if (drop && ++lines == 12) {
        return messageId;
      }
      Matcher m = MESSAGE_ID.matcher(line);
      if (messageId == null && m.find()) {
        messageId = m.group(1);
      }
    }
    return messageId;
  }

  private synchronized void count(String kind) {
    faults.merge(kind, 1, Integer::sum);
  }

  private static String address(String line) {
    Matcher m = ADDRESS.matcher(line);
    return m.find() ? m.group(1) : "";
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
