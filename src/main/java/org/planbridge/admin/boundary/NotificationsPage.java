package org.planbridge.admin.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import org.planbridge.admin.control.Notices;
import org.planbridge.admin.control.Notices.NoticeFilter;

/**
 * What the back office told the planners ({@link Notices}): its notifications, newest first, filtered by type,
 * Source App, job and text, and the messages sent to the planners, filtered by text. Any role may read them.
 */
@Named
@ViewScoped
public class NotificationsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Notices notices;

  private String type = "";
  private String sourceApp;
  private String jobNo;
  private String text;
  private String messageText;
  private NoticeFilter filter = NoticeFilter.ALL;
  private String messageFilter;
  private transient JsonRows notifications; // made again after the view is restored from a copy
  private transient JsonRows messages;

  public JsonRows getNotifications() {
    if (notifications == null) {
      notifications = new JsonRows(() -> notices.countNotifications(filter),
          (sort, first, size) -> notices.notifications(filter, first, size), "id");
    }
    return notifications;
  }

  public JsonRows getMessages() {
    if (messages == null) {
      messages = new JsonRows(() -> notices.countMessages(messageFilter),
          (sort, first, size) -> notices.messages(messageFilter, first, size), "id");
    }
    return messages;
  }

  /** Reads the notifications' filter; a type the page does not offer is refused, and the last filter kept. */
  public void apply() {
    Integer chosen = null;
    if (type != null && !type.isEmpty()) {
      chosen = Notices.types().entrySet().stream().filter(entry -> entry.getValue().equals(type))
          .map(Map.Entry::getKey).findFirst().orElse(null);
      if (chosen == null) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
            "type: choose " + String.join(", ", Notices.types().values()), null));
        return;
      }
    }
    filter = new NoticeFilter(chosen, sourceApp, jobNo, text);
    JsonRows.firstPage(":notices:notifications");
  }

  public void applyMessages() {
    messageFilter = messageText;
    JsonRows.firstPage(":planners:table");
  }

  public String time(String iso) {
    return ShownTime.of(iso);
  }

  public Collection<String> getTypes() {
    return Notices.types().values();
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getSourceApp() {
    return sourceApp;
  }

  public void setSourceApp(String sourceApp) {
    this.sourceApp = sourceApp;
  }

  public String getJobNo() {
    return jobNo;
  }

  public void setJobNo(String jobNo) {
    this.jobNo = jobNo;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getMessageText() {
    return messageText;
  }

  public void setMessageText(String messageText) {
    this.messageText = messageText;
  }
}
