package archfixture.bad.chat;

/** Breaks noFrameworksInside and domain:chat: Jackson in the domain. */
public class JsonChat {
    com.fasterxml.jackson.databind.ObjectMapper mapper;
}
