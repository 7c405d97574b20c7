package org.planbridge.admin.boundary;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Iterator;

/**
 * A post whose view state the server no longer has (the session timed out, or the form was forged with a made-up
 * state) changes nothing and is answered with the page afresh (a redirect to it), instead of an error page: the
 * person sees the page as it is now and does it again. Registered in {@code faces-config.xml}.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

  public ExpiredViews(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        Throwable failure = events.next().getContext().getException();
        while (failure instanceof FacesException && !(failure instanceof ViewExpiredException)
            && failure.getCause() != null) {
          failure = failure.getCause();
        }
        if (failure instanceof ViewExpiredException) {
          events.remove();
          FacesContext faces = FacesContext.getCurrentInstance();
          ExternalContext external = faces.getExternalContext();
          HttpServletRequest request = (HttpServletRequest) external.getRequest();
          try {
            external.redirect(request.getRequestURI());
          } catch (IOException e) {
            // the client has gone
          }
          faces.responseComplete();
        }
      }
      getWrapped().handle();
    }
  }
}
