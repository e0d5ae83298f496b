package dev.tenancy.command.tenant;

public class SlugAlreadyTakenException extends RuntimeException {

    public SlugAlreadyTakenException(String slug) {
        super("The slug '" + slug + "' is already taken.");
    }
}
