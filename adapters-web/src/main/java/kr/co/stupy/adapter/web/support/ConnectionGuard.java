package kr.co.stupy.adapter.web.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what one client can hold open, so a few addresses cannot starve everyone else:
 * <ul>
 * <li>at most {@code maxPerAddress} connections per client address; one more is closed as soon as
 * it is accepted (counted per socket, so a connection upgraded to a WebSocket still counts);</li>
 * <li>a request head must arrive whole within {@code headDeadline} of its first byte. Jetty's idle
 * timeout restarts with every byte, so without this a client trickling one header line every few
 * seconds (slowloris) keeps a connection for as long as it likes.</li>
 * </ul>
 * Added to the server as a bean; it attaches itself to the server's connectors when it starts.
 */
public final class ConnectionGuard extends AbstractLifeCycle {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    /** How often heads in progress are looked at; the deadline is kept to within this. */
    private static final long SWEEP_MILLIS = 500;

    private final Server server;
    private final int maxPerAddress;
    private final long headDeadlineNanos;
    private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    /** The sockets counted in {@link #perAddress}, with the address they were counted under. */
    private final Map<SelectableChannel, InetAddress> counted = new ConcurrentHashMap<>();
    /** Open HTTP/1 connections, with when their current head was first seen in progress (0: none in progress). */
    private final Map<HttpConnection, Long> heads = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    public ConnectionGuard(Server server, int maxPerAddress, Duration headDeadline) {
        this.server = server;
        this.maxPerAddress = maxPerAddress;
        this.headDeadlineNanos = headDeadline.toNanos();
    }

    @Override
    protected void doStart() throws Exception {
        int attached = 0;
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof ServerConnector network) {
                network.getSelectorManager().addEventListener(new PerAddress());
                network.addEventListener(new Heads());
                attached++;
            }
        }
        if (attached == 0) {
            throw new IllegalStateException("no network connector to guard");
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("connection-guard").factory());
        sweeper.scheduleWithFixedDelay(this::closeLateHeads, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        sweeper.shutdownNow();
        super.doStop();
    }

    private final class PerAddress implements SelectorManager.AcceptListener {
        @Override
        public void onAccepted(SelectableChannel channel) {
            InetAddress address = remoteAddress(channel);
            if (address == null) {
                return;
            }
            int[] now = new int[1];
            perAddress.compute(address, (key, open) -> {
                now[0] = open == null ? 1 : open + 1;
                return now[0] > maxPerAddress ? open : now[0];
            });
            if (now[0] > maxPerAddress) {
                LOG.debug("refused a connection from {}: {} are open from there already", address, maxPerAddress);
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing is all that was wanted
                }
                return;
            }
            counted.put(channel, address);
        }

        @Override
        public void onClosed(SelectableChannel channel) {
            InetAddress address = counted.remove(channel);
            if (address != null) {
                perAddress.computeIfPresent(address, (key, open) -> open <= 1 ? null : open - 1);
            }
        }

        private static InetAddress remoteAddress(SelectableChannel channel) {
            try {
                return channel instanceof SocketChannel socket && socket.getRemoteAddress() instanceof InetSocketAddress remote
                        ? remote.getAddress() : null;
            } catch (IOException gone) {
                return null;
            }
        }
    }

    private final class Heads implements Connection.Listener {
        @Override
        public void onOpened(Connection connection) {
            if (connection instanceof HttpConnection http) {
                heads.put(http, 0L);
            }
        }

        @Override
        public void onClosed(Connection connection) {
            heads.remove(connection);
        }
    }

    /**
     * Reads each connection's parser state from this thread: a stale read only delays a close by one
     * sweep, and taking the connection's own lock is not worth that.
     */
    private void closeLateHeads() {
        long now = System.nanoTime();
        for (var entry : heads.entrySet()) {
            HttpConnection connection = entry.getKey();
            if (connection.getEndPoint().getConnection() != connection) {
                heads.remove(connection);   // upgraded (a WebSocket): no more heads here
                continue;
            }
            boolean headInProgress = connection.getParser().inHeaderState() && !connection.getParser().isStart();
            long since = entry.getValue();
            if (!headInProgress) {
                if (since != 0) {
                    heads.replace(connection, since, 0L);
                }
            } else if (since == 0) {
                heads.replace(connection, 0L, now);
            } else if (now - since > headDeadlineNanos) {
                LOG.debug("closing {}: its request head took longer than {} ms", connection.getEndPoint().getRemoteSocketAddress(),
                        TimeUnit.NANOSECONDS.toMillis(headDeadlineNanos));
                heads.remove(connection);
                connection.getEndPoint().close();
            }
        }
    }
}
