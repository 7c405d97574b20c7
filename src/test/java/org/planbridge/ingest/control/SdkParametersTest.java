package org.planbridge.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parameter names the SDKs send (docs/dime-sdk-reference.md, section 2) bind against the
 * columns of the V1 schema: a renamed column or a lost alias fails here, not at a customer's.
 * Values are null, so only the names are checked.
 */
class SdkParametersTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "mboc_upsertJob | SourceApp SourceType JobNo ShortDescription Description Type Name Category TimeMarker Pin"
          + " CustomerNo CustomerName CustomerAddress CustomerAddressGeoLong CustomerAddressGeoLat CustomerPhone CustomerEmail"
          + " ContactNo ContactName SiteNo SiteName SiteFromNo SiteFromCountry BillNo BillRegion Importance CreationDateTime"
          + " CustomerReference Language Responsible Creator FreeText1 FreeText20 FreeDecimal5 FreeDate1 FreeBit5"
          + " EnableManualSelection AvailableInGantt StartDate EndDate AllowDependencies Note OverRuleGanttPlanning ReadOnly",
      "mboc_deleteJob | SourceApp SourceType JobNo CheckAppointments SentFromBackOffice",
      "mboc_upsertTask | SourceApp SourceType JobNo TaskNo TaskType ShortDescription Description Name Type Category"
          + " TimeMarker Pin ServiceNo ServiceGroup ServiceClass ServiceSerialNo ServiceName IRISFault IRISSymptom IRISArea"
          + " IRISReason IRISResolution Skill1 Skill3 ContractNo ContractType ContractDescription ContractStartDate"
          + " PartsWarrantyEndDate LaborWarrantyStartDate Importance Status ExpectedResponseDateTime ActualResponseDateTime"
          + " RequestedStartDate RequestedEndDate RequestedStartTime RequestedEndTime ConfirmedStartDate ActualEndDate"
          + " LocationDescription Duration DurationInSeconds Subject Body InfiniteTask TaskOpenAsOf TaskOpenTill"
          + " RequiredTotalDuration RequiredNoResources AppointmentEarliestAllowed AppointmentLatestAllowed FreeText7"
          + " FreeDecimal1 FreeDate5 FreeBit1 url1 url3 urldesc1 urldesc3 CertificateNo RequiredTotalDurationInSeconds"
          + " DoNotCountAppointmentResource IsComplete PlanningUOM PlanningUOMConversion PlanningQty UseFixPlanningQty"
          + " RoundToUOM AppointmentTemplate BulkPlanningQty StartDate EndDate PercentDone SchedulingMode BaseLineStartDate"
          + " BaseLineEndDate BaseLinePercentDone DeadLine Index ConstraintType ConstraintDate ConstraintDatetime"
          + " ParentTaskNo CalendarCode PredecessorTaskNo PredecessorLag ManuallyScheduled Note OverRuleGanttPlanning"
          + " IgnoreCalendars ContainerName ContainerIndex CheckAppointments SentFromBackOffice",
      "mboc_upsertAppointment | AppointmentId AppointmentGuid SourceApp SourceType JobNo TaskNo ResourceNo Subject Body"
          + " Start End IsAllDayEvent TimeMarker Category Importance Locked ReplaceResource BackofficeID BackofficeParentID"
          + " PlanningUOM PlanningUOMConversion PlanningQty UseFixPlanningQty RoundToUOM SentFromBackOffice IsManualAppointment",
      "mboc_deleteAppointment | AppointmentId AppointmentGuid SourceApp SourceType JobNo TaskNo ResourceNo SentFromBackOffice",
      "mboc_updateAppointmentCategory | SourceApp SourceType AppointmentId AppointmentGuid SentFromBackOffice Category",
      "mboc_updateAppointmentTimeMarker | SourceApp SourceType AppointmentId AppointmentGuid SentFromBackOffice TimeMarker",
      "mboc_updateAppointmentImportance | SourceApp SourceType AppointmentId AppointmentGuid SentFromBackOffice Importance",
      "mboc_updateAppointmentLocked | SourceApp SourceType AppointmentId AppointmentGuid SentFromBackOffice Locked",
      "mboc_updateAppointmentPlanningQty | SourceApp SourceType AppointmentId AppointmentGuid SentFromBackOffice PlanningQty Quantity",
      "mboc_updateAppointmentContent | SourceApp SourceType AppointmentId AppointmentGuid SentFromBackOffice Subject Body",
      "mboc_addAppointmentResource | SourceApp SourceType AppointmentId AppointmentGuid ResourceNo SentFromBackOffice",
      "mboc_upsertResource | ResourceNo SourceApp SourceType ResourceType ResourceTypeId ResourceName DisplayName Department"
          + " Email Phone MobilePhone ReplacementResource FieldServiceEmail PersonalEmail GpsTrackingResourceNo HomeAddress"
          + " HomeAddressGeoLong HomeAddressGeoLat HomePhone HomeEmail HomeStreet HomeStreetNo HomePostcode HomeCity HomeCounty"
          + " HomeState HomeCountry HomeRegion TeamCode TeamName TeamType TeamSort TeamMemberType TeamMemberSort DoNotShow"
          + " InServiceFrom InServiceTill ExchangeIntegrationEnabled url1 url2 url3 urldesc1 urldesc2 urldesc3 BulkPlanning"
          + " BulkCapacity ResourceGpsTrackingEnabled Pin FreeText1 FreeDecimal1 FreeDate1 FreeBit1",
      "mboc_upsertCategory | CategoryName DisplayName CategoryHexColor",
      "mboc_upsertTimeMarker | TimeMarker HexColor",
      "mboc_upsertPin | Name HexColor",
      "mboc_upsertFilterGroup | Id GroupName ColumnNo DataFilter",
      "mboc_upsertFilterValue | FilterGroupName FilterValue",
      "mboc_upsertTaskFilterValue | SourceApp SourceType JobNo TaskNo FilterGroup FilterValue TransferToTemp",
      "mboc_ClearTaskFilterValue | SourceApp SourceType JobNo TaskNo",
      "mboc_upsertResourceFilterValue | SourceApp SourceType ResourceNo FilterGroup FilterValue TransferToTemp",
      "mboc_ClearResourceFilterValue | SourceApp SourceType ResourceNo",
      "mboc_upsertActionUrl | SourceApp SourceType UrlType Url UrlDesc DefaultUrl RequestType",
      "mboc_updateTaskLocked | SourceApp SourceType JobNo TaskNo Locked SentFromBackOffice"})
  void everyParameterTheSdksSendIsAccepted(String procedureName, String parameters) {
    Procedure procedure = ProcedureCatalog.find(procedureName).orElseThrow();
    List<String> refused = new ArrayList<>();
    for (String parameter : parameters.trim().split("\\s+")) {
      ImportItem item = new ImportItem(0, procedureName, List.of(parameter), Collections.singletonList(null));
      try {
        ItemBinder.bind(item, procedure, V1Schema.load().columns(procedure.target().table()));
      } catch (ImportRejected e) {
        if (e.getMessage().contains("not a parameter")) {
          refused.add(parameter);
        }
        // "required and missing": the key is incomplete, which is not what this test is about
      }
    }
    assertEquals(List.of(), refused);
  }
}
