package nl.actiegraaf.web.api;

/** A request parameter that was missing, unknown or did not fit its declared type: a 400 for the client. */
public class ParameterException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    public ParameterException(String parameter, String problem) {
        super("parameter '" + parameter + "': " + problem);
        this.parameter = parameter;
    }

    /** The name of the offending parameter. */
    public String parameter() {
        return parameter;
    }
}
