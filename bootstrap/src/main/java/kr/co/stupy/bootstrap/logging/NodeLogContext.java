package kr.co.stupy.bootstrap.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Names the node in every log line from now on: one process is one node once deployed. */
public final class NodeLogContext {

    private NodeLogContext() {
    }

    public static void name(String nodeId) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.putProperty(JsonLineEncoder.NODE_ID_PROPERTY, nodeId);
        }
    }
}
