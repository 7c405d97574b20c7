/**
 * The trust of PlanBridge's HTTPS clients to back offices, shared by the NAV/BC SOAP client and BC online's
 * clients: {@link org.planbridge.backoffice.tls.BackOfficeTrust}.
 */
package org.planbridge.backoffice.tls;
