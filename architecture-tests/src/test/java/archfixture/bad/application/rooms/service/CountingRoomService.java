package archfixture.bad.application.rooms.service;

/** Breaks noMetricsInside: a metrics library inside the application. */
public class CountingRoomService {
    io.micrometer.core.instrument.Counter roomsCreated;
}
