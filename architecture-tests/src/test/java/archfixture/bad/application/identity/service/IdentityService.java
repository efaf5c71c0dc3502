package archfixture.bad.application.identity.service;

/** Breaks applicationServicesAreIndependent: a service calls another context's service directly. */
public class IdentityService implements archfixture.bad.application.identity.port.in.Query {
    archfixture.bad.application.rooms.service.RoomService rooms;
}
