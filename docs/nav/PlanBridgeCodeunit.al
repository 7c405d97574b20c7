// PlanBridge SOAP_CODEUNIT receiver for Business Central on premises 14 and later (an AL extension).
// Publish codeunit 50100 on the Web Services page as a Codeunit with the service name PlanBridge (see README.md).
// The object IDs 50100-50102 are examples: take free ones from your extension's idRange in app.json.
//
// PlanBridge calls ProcessAppointment once per appointment change. The change is kept in the staging table
// "PlanBridge Appointment" (with its resources in "PlanBridge Appt. Resource"); what it means for your data
// (creating, changing or removing a planning line, a job planning line, a service order allocation...) is yours
// to write, in a subscriber to OnAfterStageAppointment or in a job queue entry that reads the staging table.
// Raise an error (Error(...)) to refuse a change: PlanBridge records it as Failed with your text and retries.

table 50100 "PlanBridge Transaction Log"
{
    Caption = 'PlanBridge Transaction Log';
    DataClassification = SystemMetadata;

    fields
    {
        // PlanBridge's transaction id: the same one on every redelivery of a change.
        field(1; "Transaction Id"; BigInteger) { Caption = 'Transaction Id'; }
        field(2; "Processed At"; DateTime) { Caption = 'Processed At'; }
        field(3; "Staging Entry No."; Integer) { Caption = 'Staging Entry No.'; }
    }

    keys
    {
        key(PK; "Transaction Id") { Clustered = true; }
    }
}

table 50101 "PlanBridge Appointment"
{
    Caption = 'PlanBridge Appointment';
    DataClassification = CustomerContent;

    fields
    {
        field(1; "Entry No."; Integer) { Caption = 'Entry No.'; AutoIncrement = true; }
        field(2; "Transaction Id"; BigInteger) { Caption = 'Transaction Id'; }
        // I(nsert), U(pdate) or D(elete) of the appointment in the planning board.
        field(3; "Action"; Code[1]) { Caption = 'Action'; }
        field(4; "Appointment Id"; BigInteger) { Caption = 'Appointment Id'; }
        field(5; "Appointment Guid"; Text[50]) { Caption = 'Appointment Guid'; }
        field(6; "Source App"; Text[30]) { Caption = 'Source App'; }
        field(7; "Source Type"; Text[30]) { Caption = 'Source Type'; }
        field(8; "Job No."; Code[20]) { Caption = 'Job No.'; }
        field(9; "Task No."; Code[20]) { Caption = 'Task No.'; }
        field(10; Subject; Text[250]) { Caption = 'Subject'; }
        field(11; Body; Text[2048]) { Caption = 'Body'; }
        field(12; "Start"; DateTime) { Caption = 'Start'; }
        field(13; "End"; DateTime) { Caption = 'End'; }
        field(14; "All Day"; Boolean) { Caption = 'All Day'; }
        field(15; Category; Text[100]) { Caption = 'Category'; }
        field(16; "Time Marker"; Text[100]) { Caption = 'Time Marker'; }
        // 0 Medium, 1 High, 2 Low (the planning board's numbers).
        field(17; Importance; Integer) { Caption = 'Importance'; }
        field(18; "Planning Quantity"; Decimal) { Caption = 'Planning Quantity'; DecimalPlaces = 0 : 5; }
        field(19; "Planning Unit"; Code[10]) { Caption = 'Planning Unit'; }
        field(20; "Backoffice Id"; Text[100]) { Caption = 'Backoffice Id'; }
        field(21; "Backoffice Parent Id"; Text[100]) { Caption = 'Backoffice Parent Id'; }
        field(22; Processed; Boolean) { Caption = 'Processed'; }
    }

    keys
    {
        key(PK; "Entry No.") { Clustered = true; }
        key(Appointment; "Appointment Id", "Entry No.") { }
    }
}

table 50102 "PlanBridge Appt. Resource"
{
    Caption = 'PlanBridge Appointment Resource';
    DataClassification = CustomerContent;

    fields
    {
        field(1; "Entry No."; Integer) { Caption = 'Entry No.'; TableRelation = "PlanBridge Appointment"; }
        field(2; "Line No."; Integer) { Caption = 'Line No.'; }
        field(3; "Resource No."; Code[20]) { Caption = 'Resource No.'; }
    }

    keys
    {
        key(PK; "Entry No.", "Line No.") { Clustered = true; }
    }
}

codeunit 50100 "PlanBridge"
{
    // The web service method. Its parameter names are the SOAP element names: keep them as they are.
    // resources: the resource numbers, separated by | (codeunit parameters are simple types, so no list).
    // Times arrive in UTC; a DateTime keeps them as such. Returns 'OK', also for a transaction processed before.
    procedure ProcessAppointment("action": Text; transactionId: BigInteger; appointmentId: BigInteger;
        appointmentGuid: Text; sourceApp: Text; sourceType: Text; jobNo: Text; taskNo: Text; subject: Text;
        body: Text; startDateTime: DateTime; endDateTime: DateTime; allDay: Boolean; category: Text;
        timeMarker: Text; importance: Integer; planningQuantity: Decimal; planningUnit: Text; backofficeId: Text;
        backofficeParentId: Text; resources: Text): Text
    var
        TransactionLog: Record "PlanBridge Transaction Log";
        Staging: Record "PlanBridge Appointment";
    begin
        // A redelivery (PlanBridge retries with the same transaction id) changes nothing: one entry per change.
        if TransactionLog.Get(transactionId) then
            exit('OK');
        if not ("action" in ['I', 'U', 'D']) then
            Error('PlanBridge transaction %1: unknown action ''%2'' (I, U or D expected).', transactionId, "action");

        // The log first: two calls with one transaction id at once cannot both insert it; the second fails,
        // is rolled back whole, and its retry finds the log entry.
        TransactionLog.Init();
        TransactionLog."Transaction Id" := transactionId;
        TransactionLog."Processed At" := CurrentDateTime();
        TransactionLog.Insert();

        Staging.Init();
        Staging."Transaction Id" := transactionId;
        Staging."Action" := CopyStr("action", 1, MaxStrLen(Staging."Action"));
        Staging."Appointment Id" := appointmentId;
        Staging."Appointment Guid" := CopyStr(appointmentGuid, 1, MaxStrLen(Staging."Appointment Guid"));
        Staging."Source App" := CopyStr(sourceApp, 1, MaxStrLen(Staging."Source App"));
        Staging."Source Type" := CopyStr(sourceType, 1, MaxStrLen(Staging."Source Type"));
        Staging."Job No." := CopyStr(jobNo, 1, MaxStrLen(Staging."Job No."));
        Staging."Task No." := CopyStr(taskNo, 1, MaxStrLen(Staging."Task No."));
        Staging.Subject := CopyStr(subject, 1, MaxStrLen(Staging.Subject));
        Staging.Body := CopyStr(body, 1, MaxStrLen(Staging.Body));
        Staging."Start" := startDateTime;
        Staging."End" := endDateTime;
        Staging."All Day" := allDay;
        Staging.Category := CopyStr(category, 1, MaxStrLen(Staging.Category));
        Staging."Time Marker" := CopyStr(timeMarker, 1, MaxStrLen(Staging."Time Marker"));
        Staging.Importance := importance;
        Staging."Planning Quantity" := planningQuantity;
        Staging."Planning Unit" := CopyStr(planningUnit, 1, MaxStrLen(Staging."Planning Unit"));
        Staging."Backoffice Id" := CopyStr(backofficeId, 1, MaxStrLen(Staging."Backoffice Id"));
        Staging."Backoffice Parent Id" := CopyStr(backofficeParentId, 1, MaxStrLen(Staging."Backoffice Parent Id"));
        Staging.Insert(true);
        InsertResources(Staging."Entry No.", resources);

        TransactionLog."Staging Entry No." := Staging."Entry No.";
        TransactionLog.Modify();

        // I: create what the appointment plans; U: change what an earlier entry with the same Appointment Id
        // created; D: remove it. An error raised here refuses the change and rolls back everything above.
        OnAfterStageAppointment(Staging);
        exit('OK');
    end;

    local procedure InsertResources(EntryNo: Integer; resources: Text)
    var
        Resource: Record "PlanBridge Appt. Resource";
        ResourceNo: Text;
        LineNo: Integer;
    begin
        foreach ResourceNo in resources.Split('|') do
            if ResourceNo <> '' then begin
                LineNo += 1;
                Resource.Init();
                Resource."Entry No." := EntryNo;
                Resource."Line No." := LineNo;
                Resource."Resource No." := CopyStr(ResourceNo, 1, MaxStrLen(Resource."Resource No."));
                Resource.Insert();
            end;
    end;

    [IntegrationEvent(false, false)]
    local procedure OnAfterStageAppointment(var PlanBridgeAppointment: Record "PlanBridge Appointment")
    begin
    end;
}
