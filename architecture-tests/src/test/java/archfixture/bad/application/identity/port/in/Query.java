package archfixture.bad.application.identity.port.in;

public interface Query {
}
