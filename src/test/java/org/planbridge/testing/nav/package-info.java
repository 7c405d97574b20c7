/**
 * A NAV / Business Central on-premises SOAP server for tests: {@link org.planbridge.testing.nav.NavSimulator}.
 *
 * <h2>What it is modelled on</h2>
 *
 * <p><b>The Dime.Scheduler appointment log.</b> Dime.Scheduler writes each planned appointment into
 * the staging table {@code "Dime DS Appointment"} of its BC extension; the lines (one per planned
 * resource) are {@code "Dime DS Appointment Resource"}, keyed by {@code "Entry No."} and
 * {@code "Resource No."}. The extension itself is not public; the public AL of
 * dime-scheduler/bc-connector-examples (Opportunity/HandleOpportunity.codeunit.al) uses the fields
 * {@code "Entry No."}, {@code "Database Action"} (compared with 'I', 'U', 'D': a code, not an option),
 * {@code "Sent From Backoffice"}, {@code "Appointment Id"}, {@code "Job No."}, {@code "Task No."},
 * {@code Subject}, {@code Start} and {@code "End"} (one DateTime each, not date + time: the code splits
 * them with DateTime2Date/DateTime2Time and subtracts them for a duration) and {@code "Backoffice Id"}.
 * The Dime.Scheduler documentation of the BC appointment card lists the rest, by caption: Entry Number,
 * Source Type, Source App, Database Action, Job No, Task No, Appointment ID, Subject, Body, Start Date,
 * End Date, Time Marker, Category, Importance, Is All Day Event; Duration (Sec.), Non Working Time
 * (Sec.), Planning Quantity, Planning Unit Of Measure, Planning UoM Conversion, Use Fix Planning
 * Quantity, Round to Unit Of Measure; Back Office Id, Back Office Parent Id, Sent from Back Office;
 * Last Modified Date/User, Created Date/user (left out here: a client never writes them); and a
 * subgrid of resources. The default page ({@link org.planbridge.testing.nav.PageField#appointmentDefaults()})
 * takes the AL field names where the AL shows them and the card captions elsewhere, with
 * {@code Start_Date}/{@code End_Date} as xsd:dateTime. Guesses: Importance as an option Low/Normal/High
 * (Dime's API has it as a number), Appointment Id as xsd:int, the durations and quantities as
 * xsd:decimal. Added for PlanBridge: {@code PlanBridge_Transaction_Id} (xsd:string), on which Create
 * refuses a duplicate.
 *
 * <p><b>The page WSDL</b> (after a real NAV 2017 one, josnick93/OscaWebArmarios Bin_WS.xml):
 * {@code definitions targetNamespace="urn:microsoft-dynamics-schemas/page/<page lower case>"} with the
 * WSDL namespace as default and {@code tns}; one {@code xsd:schema elementFormDefault="qualified"}
 * holding, in order, a simpleType per option field (named as the field, enumeration values with
 * underscores, {@code _blank_} for the empty one), the complexType {@code <Page>} whose sequence starts
 * with {@code Key} (xsd:string) and then every field with {@code minOccurs="0" maxOccurs="1"},
 * {@code <Page>_List} (the record, 1..unbounded), the simpleType {@code <Page>_Fields} (enumeration of
 * the field names, no Key), {@code <Page>_Filter} (Field, Criteria), and the wrapper elements
 * Read (the primary key fields, minOccurs 1) / Read_Result, ReadByRecId (recId), ReadMultiple (filter
 * 1..unbounded, bookmarkKey, setSize) / ReadMultiple_Result (a ReadMultiple_Result of the list type),
 * IsUpdated / GetRecIdFromKey / Delete (Key) with a same-named {@code _Result} boolean or string,
 * Create / Update (the record) and CreateMultiple / UpdateMultiple ({@code <Page>_List}) with their
 * {@code _Result}. Then a message per element (part "parameters"), portType {@code <Page>_Port},
 * binding {@code <Page>_Binding} (SOAP 1.1 over HTTP, document/literal, soapAction
 * {@code urn:microsoft-dynamics-schemas/page/<page lower case>:<Operation>}), service
 * {@code <Page>_Service} with port {@code <Page>_Port} at
 * {@code http://host:port/<Instance>/WS/<Company %-encoded>/Page/<Page>}. A subpage is a field of the
 * header typed {@code tns:<Line>_List}, a list of {@code <Line>} records that start with their own Key.
 * Element names come from captions: spaces, dots and punctuation become one underscore
 * ({@code Entry_No}, {@code Database_Action}, {@code Duration_Sec}).
 *
 * <p><b>The codeunit WSDL</b> (after a real NAV 2017 one, josnick93/OscaWebArmarios RF_Functions.xml):
 * {@code targetNamespace="urn:microsoft-dynamics-schemas/codeunit/<Name>"} (the service name as published,
 * case kept), per method an element {@code <Method>} with a sequence of its parameters (named as in C/AL or
 * AL, every one {@code minOccurs="1" maxOccurs="1"}, simple XSD types) and {@code <Method>_Result} with
 * {@code return_value}; portType {@code <Name>_Port}, binding {@code <Name>_Binding} (document/literal,
 * soapAction {@code urn:microsoft-dynamics-schemas/codeunit/<Name>:<Method>}), service {@code <Name>}. The
 * simulator serves PlanBridge's own contract, {@code src/main/resources/wsdl/PlanBridge.wsdl}, renamed.
 *
 * <p><b>Faults</b> are NAV's: HTTP 500 with {@code s:Fault}, faultcode
 * {@code a:Microsoft.Dynamics.Nav.Types.Exceptions.NavCSideException} (namespace
 * {@code urn:microsoft-dynamics-schemas/error}), {@code faultstring xml:lang="en-US"} and the same text
 * in {@code detail/string} of the .NET serialization namespace.
 *
 * <p><b>Throttling</b> is not a fault: 429 or 503 with {@code Retry-After} (seconds or an HTTP date), the 503 with
 * http.sys's HTML page ("HTTP Error 503. The service is unavailable."), the 429 with no body.
 *
 * <p><b>NTLM</b> follows MS-NLMP; the NTLMv2 check is tested against its section 4.2.4 example.
 *
 * <p><b>TLS</b>: with {@code Builder.tls(SSLContext)} the simulator is an {@code HttpsServer} presenting that
 * context's certificate, as a NAV server with a certificate of an internal CA does; the tests make their
 * certificates with the JDK's keytool ({@code org.planbridge.backoffice.tls.TestCertificates}).
 */
package org.planbridge.testing.nav;
