package nl.actiegraaf.web;

import io.javalin.http.HttpResponseException;

/** A request parameter the route cannot use: a 400 whose problem document names the parameter. */
public final class BadParameter extends HttpResponseException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    public BadParameter(String parameter, String message) {
        super(400, message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
