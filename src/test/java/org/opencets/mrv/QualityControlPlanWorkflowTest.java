package org.opencets.mrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencets.calendar.DeadlineKind;
import org.opencets.calendar.Deadlines;
import org.opencets.directory.Fuel;
import org.opencets.directory.GeneratingUnit;
import org.opencets.directory.KeyEmitter;
import org.opencets.directory.KeyEmitterDirectory;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisation;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Organisations;
import org.opencets.inbox.Obligation;
import org.opencets.inbox.Obligations;
import org.opencets.shared.ConcurrentModification;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.RecordNotFound;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.opencets.support.Demo;
import org.opencets.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 002 §二(一): the emitter drafts a unit's data quality control plan, covering every parameter of every fuel;
 * the district reviews it (returning it with reasons or approving), then the city puts it in force; a revision needs
 * a reason and is reviewed again while the approved version stays in force.
 *
 * <p>Data ownership: this class owns the plans of 国电北仑临港 2号机组 for this year (one test) and next year (another).
 */
@IntegrationTest
class QualityControlPlanWorkflowTest {

    static final String UNIT = "2号机组";
    /** 国电浙江北仑临港发电有限公司 (北仑区): the demo plant 浙能北仑滨海 has its own plans loaded. */
    static final String LINGANG_USCC = "91330206439099414B";

    @Autowired
    QualityControlPlans plans;
    @Autowired
    Obligations obligations;
    @Autowired
    Deadlines deadlines;
    @Autowired
    Organisations organisations;
    @Autowired
    KeyEmitterDirectory directory;
    @Autowired
    JdbcClient jdbc;

    KeyEmitter emitter;
    GeneratingUnit unit;
    Organisation plantOrg;
    Organisation districtOrg;
    CurrentUser plant;
    CurrentUser district;
    CurrentUser city;
    CurrentUser haishu;

    @BeforeEach
    void users() {
        Uscc uscc = Uscc.of(LINGANG_USCC);
        emitter = directory.findByUscc(uscc).orElseThrow();
        unit = directory.powerUnits().get(emitter).stream().filter(u -> u.unitCode().equals(UNIT)).findFirst().orElseThrow();
        plantOrg = organisations.findByUscc(uscc).orElseThrow();
        districtOrg = organisations.bureauOf(RegionCode.of("330206")).orElseThrow();
        plant = MonthlyDepositWorkflowTest.user("mrv.test.lingang.power", plantOrg, OrganisationKind.KEY_EMITTER);
        district = MonthlyDepositWorkflowTest.user("mrv.test.beilun.district", districtOrg, OrganisationKind.DISTRICT_BUREAU);
        city = MonthlyDepositWorkflowTest.user("mrv.test.nb.city", organisations.bureauOf(RegionCode.of("330200")).orElseThrow(),
                OrganisationKind.CITY_BUREAU);
        haishu = MonthlyDepositWorkflowTest.user("mrv.test.haishu.district", organisations.bureauOf(RegionCode.of("330203")).orElseThrow(),
                OrganisationKind.DISTRICT_BUREAU);
    }

    @Test
    void nextYearsPlanIsCompletedReturnedApprovedAndRevisedWhileTheApprovedOneStaysInForce() {
        int year = deadlines.today().getYear() + 1;
        assertThat(unit.fuels()).containsExactlyInAnyOrder(Fuel.BITUMINOUS, Fuel.FUEL_OIL);
        // the nightly job opened next year's plan in the emitter's inbox (Oct 15 is within its window)
        String planKey = "QC_PLAN:" + LINGANG_USCC + ":" + UNIT + ":" + year;
        assertThat(obligations.find(planKey)).get().satisfies(o -> {
            assertThat(o.isOpen()).isTrue();
            assertThat(o.responsibleOrganisation()).isEqualTo(plantOrg.id());
        });

        QcPlan draft = plans.draft(plant, unit.id(), year);
        assertThat(draft.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(draft.year()).isEqualTo(year);
        assertThat(draft.planVersion()).isEqualTo(1);
        assertThat(draft.replaces()).isNull();
        assertThat(draft.items()).isEmpty();
        assertThat(plans.draft(plant, unit.id(), year).id()).isEqualTo(draft.id());
        UUID id = draft.id();

        // an empty plan lists every parameter it must cover, per fuel for the fuel parameters
        assertThatThrownBy(() -> plans.submit(plant, id, draft.version())).isInstanceOfSatisfying(ValidationFailed.class, e -> {
            assertThat(e.violations()).extracting(FieldViolation::messageKey).containsOnly("plan.item.missing");
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                    "FUEL_CONSUMPTION.BITUMINOUS", "FUEL_CONSUMPTION.FUEL_OIL", "NCV.BITUMINOUS", "NCV.FUEL_OIL",
                    "CARBON_CONTENT.BITUMINOUS", "CARBON_CONTENT.FUEL_OIL", "GENERATION", "POWER_SUPPLIED", "HEAT_SUPPLIED",
                    "PURCHASED_ELECTRICITY", "OPERATING_HOURS", "LOAD_FACTOR", "AUX_POWER_RATE");
        });
        assertThat(plans.get(plant, id).status()).isEqualTo(PlanStatus.DRAFT);

        // a measured calorific value needs the laboratory that tests it; nothing of a refused save is kept
        List<QcPlanItem> noLab = complete();
        noLab.replaceAll(i -> i.field().equals("NCV.BITUMINOUS")
                ? new QcPlanItem(Parameter.NCV, Fuel.BITUMINOUS, MeasurementBasis.MEASURED, "入炉煤每日缩分样化验", null, null, " ", "每日", null)
                : i);
        assertThatThrownBy(() -> plans.save(plant, id, draft.version(), noLab)).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::messageKey)
                        .containsExactly(tuple("NCV.BITUMINOUS", "plan.lab.missing")));
        // a fuel the unit does not burn, and a parameter listed twice
        List<QcPlanItem> wrong = complete();
        wrong.add(item(Parameter.NCV, Fuel.NATURAL_GAS, MeasurementBasis.DEFAULT, new BigDecimal("389.31")));
        wrong.add(item(Parameter.GENERATION, null, MeasurementBasis.MEASURED, null));
        assertThatThrownBy(() -> plans.save(plant, id, draft.version(), wrong)).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::messageKey).containsExactlyInAnyOrder(
                        tuple("NCV.NATURAL_GAS", "plan.fuel.notBurnt"), tuple("GENERATION", "plan.item.duplicate")));
        QcPlan unchanged = plans.get(plant, id);
        assertThat(unchanged.items()).isEmpty();
        assertThat(unchanged.version()).isEqualTo(draft.version());

        QcPlan saved = plans.save(plant, id, draft.version(), complete());
        assertThat(saved.items()).hasSize(13);
        assertThat(saved.item(Parameter.NCV, Fuel.BITUMINOUS)).get().extracting(QcPlanItem::lab).isEqualTo("浙能北仑滨海电厂燃料化验室（CNAS L1234）");
        // a stale page is not saved over the newer one
        assertThatThrownBy(() -> plans.save(plant, id, draft.version(), complete())).isInstanceOf(ConcurrentModification.class);

        QcPlan submitted = plans.submit(plant, id, saved.version());
        assertThat(submitted.status()).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(obligations.find(planKey)).get().extracting(Obligation::isOpen).isEqualTo(false);
        String reviewKey = "QC_PLAN_REVIEW:" + id;
        Obligation review = obligations.find(reviewKey).orElseThrow();
        assertThat(review.isOpen()).isTrue();
        assertThat(review.responsibleOrganisation()).isEqualTo(districtOrg.id());
        assertThat(review.due()).isEqualTo(deadlines.due(DeadlineKind.QC_PLAN_REVIEW, year, emitter.region()).due());
        assertThat(plans.reviewQueue(district)).extracting(QcPlan::id).contains(id);
        // under review it no longer changes
        assertRefused(() -> plans.save(plant, id, submitted.version(), complete()), "status", "plan.underReview");

        // wrong reviewers, and a return without reasons, change nothing
        assertThatThrownBy(() -> plans.approve(city, id, submitted.version())).isInstanceOfSatisfying(AccessDenied.class,
                e -> assertThat(e.messageKey()).isEqualTo("denied.mrv.district"));
        assertThatThrownBy(() -> plans.approve(haishu, id, submitted.version())).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> plans.approve(plant, id, submitted.version())).isInstanceOf(AccessDenied.class);
        assertRefused(() -> plans.returnWithReasons(district, id, submitted.version(), List.of("", " ")), "reasons", "deposit.reasons.missing");
        assertThat(plans.get(plant, id).status()).isEqualTo(PlanStatus.SUBMITTED);

        QcPlan returned = plans.returnWithReasons(district, id, submitted.version(),
                List.of("入炉煤元素碳含量的化验频次应为每日", "关口表需写明检定有效期"));
        assertThat(returned.status()).isEqualTo(PlanStatus.RETURNED);
        assertThat(plans.history(plant, id).getLast()).satisfies(e -> {
            assertThat(e.action()).isEqualTo("DISTRICT_RETURNED");
            assertThat(e.reasons()).containsExactly("入炉煤元素碳含量的化验频次应为每日", "关口表需写明检定有效期");
        });
        assertThat(obligations.find(reviewKey)).get().extracting(Obligation::isOpen).isEqualTo(false);

        // the emitter corrects the same version and submits it again
        QcPlan again = plans.draft(plant, unit.id(), year);
        assertThat(again.id()).isEqualTo(id);
        assertThat(again.status()).isEqualTo(PlanStatus.RETURNED);
        List<QcPlanItem> corrected = complete();
        corrected.replaceAll(i -> i.field().equals("GENERATION")
                ? new QcPlanItem(Parameter.GENERATION, null, MeasurementBasis.MEASURED, "发电机出口电能表", "发电机出口关口电能表 0.2S 级",
                        "2026-08-01 检定，有效期至 2027-07-31", null, "每月", null)
                : i);
        QcPlan resaved = plans.save(plant, id, again.version(), corrected);
        QcPlan resubmitted = plans.submit(plant, id, resaved.version());
        assertThat(resubmitted.status()).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(plans.reviewQueue(district)).extracting(QcPlan::id).contains(id);
        // the resubmission is a second review in the district's inbox (the first one was closed by the return)
        String secondReviewKey = reviewKey + ":2";
        assertThat(obligations.find(secondReviewKey)).as("district review obligation for the resubmission")
                .get().extracting(Obligation::isOpen).isEqualTo(true);

        QcPlan districtApproved = plans.approve(district, id, resubmitted.version());
        assertThat(districtApproved.status()).isEqualTo(PlanStatus.DISTRICT_APPROVED);
        assertThat(obligations.find(secondReviewKey)).get().extracting(Obligation::isOpen).isEqualTo(false);
        assertThat(plans.inForce(plant, unit.id(), year)).isEmpty();
        assertThat(plans.reviewQueue(city)).extracting(QcPlan::id).contains(id);
        assertThatThrownBy(() -> plans.approve(district, id, districtApproved.version())).isInstanceOfSatisfying(AccessDenied.class,
                e -> assertThat(e.messageKey()).isEqualTo("denied.mrv.city"));
        QcPlan approved = plans.approve(city, id, districtApproved.version());
        assertThat(approved.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(plans.inForce(plant, unit.id(), year)).get().satisfies(p -> {
            assertThat(p.id()).isEqualTo(id);
            assertThat(p.item(Parameter.GENERATION, null)).get().extracting(QcPlanItem::frequency).isEqualTo("每月");
        });
        assertThat(plans.history(city, id)).extracting(ReviewEvent::action)
                .containsExactly("DRAFTED", "SUBMITTED", "DISTRICT_RETURNED", "SUBMITTED", "DISTRICT_APPROVED", "CITY_APPROVED");

        // an approved plan changes only by a revision with a reason
        assertRefused(() -> plans.draft(plant, unit.id(), year), "revisionReason", "plan.revision.reasonMissing");
        assertRefused(() -> plans.revise(plant, unit.id(), year, null), "revisionReason", "plan.revision.reasonMissing");
        assertRefused(() -> plans.revise(plant, unit.id(), year, "   "), "revisionReason", "plan.revision.reasonMissing");
        assertThatThrownBy(() -> plans.revise(district, unit.id(), year, "区县代改")).isInstanceOf(AccessDenied.class);
        assertThat(plans.versions(plant, unit.id(), year)).hasSize(1);

        QcPlan revision = plans.revise(plant, unit.id(), year, " 2号机组入炉煤皮带秤更换为新型号 ");
        assertThat(revision.id()).isNotEqualTo(id);
        assertThat(revision.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(revision.planVersion()).isEqualTo(2);
        assertThat(revision.replaces()).isEqualTo(id);
        assertThat(revision.revisionReason()).isEqualTo("2号机组入炉煤皮带秤更换为新型号");
        assertThat(revision.items()).isEqualTo(approved.items());
        assertThat(plans.history(plant, revision.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("REVISION_STARTED");
            assertThat(e.reasons()).containsExactly("2号机组入炉煤皮带秤更换为新型号");
        });
        // asking again gives the same revision
        assertThat(plans.revise(plant, unit.id(), year, "再次修订").id()).isEqualTo(revision.id());
        assertThat(plans.draft(plant, unit.id(), year).id()).isEqualTo(revision.id());
        assertThat(plans.inForce(plant, unit.id(), year)).get().extracting(QcPlan::id).isEqualTo(id);

        List<QcPlanItem> revisedItems = new ArrayList<>(revision.items());
        revisedItems.replaceAll(i -> i.field().equals("FUEL_CONSUMPTION.BITUMINOUS")
                ? new QcPlanItem(Parameter.FUEL_CONSUMPTION, Fuel.BITUMINOUS, MeasurementBasis.MEASURED, "入炉煤皮带秤计量",
                        "电子皮带秤 ICS-20B（新）", "2027-03-01 实物标定", null, "每班", null)
                : i);
        QcPlan revisedSaved = plans.save(plant, revision.id(), revision.version(), revisedItems);
        QcPlan revisionSubmitted = plans.submit(plant, revision.id(), revisedSaved.version());
        assertThat(obligations.find("QC_PLAN_REVIEW:" + revision.id())).get().extracting(Obligation::isOpen).isEqualTo(true);
        QcPlan revisionDistrict = plans.approve(district, revision.id(), revisionSubmitted.version());
        // until the city approves the revision, version 1 stays in force
        assertThat(plans.inForce(plant, unit.id(), year)).get().extracting(QcPlan::id).isEqualTo(id);
        assertThat(plans.get(plant, id).status()).isEqualTo(PlanStatus.APPROVED);

        QcPlan revisionApproved = plans.approve(city, revision.id(), revisionDistrict.version());
        assertThat(revisionApproved.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(plans.get(plant, id).status()).isEqualTo(PlanStatus.SUPERSEDED);
        assertThat(plans.inForce(plant, unit.id(), year)).get().satisfies(p -> {
            assertThat(p.id()).isEqualTo(revision.id());
            assertThat(p.item(Parameter.FUEL_CONSUMPTION, Fuel.BITUMINOUS)).get().extracting(QcPlanItem::frequency).isEqualTo("每班");
        });
        assertThat(plans.versions(plant, unit.id(), year)).extracting(QcPlan::planVersion, QcPlan::status)
                .containsExactly(tuple(2, PlanStatus.APPROVED), tuple(1, PlanStatus.SUPERSEDED));
    }

    @Test
    void onlyThisYearAndNextYearArePlannedAndThisYearsDraftStartsEmpty() {
        int thisYear = deadlines.today().getYear();
        long before = planRows();
        assertRefused(() -> plans.draft(plant, unit.id(), thisYear - 1), "year", "plan.year.range");
        assertRefused(() -> plans.draft(plant, unit.id(), thisYear + 2), "year", "plan.year.range");
        // a bureau does not draft an emitter's plan; another emitter's unit is not even visible
        assertThatThrownBy(() -> plans.draft(district, unit.id(), thisYear)).isInstanceOf(AccessDenied.class);
        KeyEmitter lingang = directory.findByUscc(Uscc.of(Demo.BEILUN_POWER_USCC)).orElseThrow();
        UUID foreign = directory.powerUnits().get(lingang).getFirst().id();
        assertThatThrownBy(() -> plans.draft(plant, foreign, thisYear)).isInstanceOf(RecordNotFound.class);
        // there is nothing to revise yet
        assertRefused(() -> plans.revise(plant, unit.id(), thisYear, "设备更换"), "revisionReason", "plan.revision.nothingApproved");
        assertThat(planRows()).isEqualTo(before);

        QcPlan current = plans.draft(plant, unit.id(), thisYear);
        assertThat(current.year()).isEqualTo(thisYear);
        assertThat(current.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(current.items()).isEmpty();
        assertThat(current.unitCode()).isEqualTo(UNIT);
        assertThat(planRows()).isEqualTo(before + 1);
        // the other emitter's officers and other districts do not see it
        assertThatThrownBy(() -> plans.get(haishu, current.id())).isInstanceOf(RecordNotFound.class);
        assertThat(plans.get(district, current.id()).id()).isEqualTo(current.id());
    }

    // --- helpers

    /** How every parameter of a 1000 MW bituminous unit with fuel-oil ignition is obtained. */
    static List<QcPlanItem> complete() {
        List<QcPlanItem> items = new ArrayList<>();
        items.add(new QcPlanItem(Parameter.FUEL_CONSUMPTION, Fuel.BITUMINOUS, MeasurementBasis.MEASURED, "入炉煤皮带秤计量",
                "电子皮带秤 ICS-20A", "每月实物标定", null, "每日", null));
        items.add(new QcPlanItem(Parameter.NCV, Fuel.BITUMINOUS, MeasurementBasis.MEASURED, "入炉煤每日缩分样化验 GB/T 213", null, null,
                "浙能北仑滨海电厂燃料化验室（CNAS L1234）", "每日", null));
        items.add(new QcPlanItem(Parameter.CARBON_CONTENT, Fuel.BITUMINOUS, MeasurementBasis.MEASURED, "月缩分样元素碳 GB/T 30733", null, null,
                "浙江省电力试验研究院（CNAS L0567）", "每月", null));
        items.add(new QcPlanItem(Parameter.FUEL_CONSUMPTION, Fuel.FUEL_OIL, MeasurementBasis.MEASURED, "油罐液位盘存", "油罐液位计",
                "年度检定", null, "每月", null));
        items.add(item(Parameter.NCV, Fuel.FUEL_OIL, MeasurementBasis.DEFAULT, new BigDecimal("41.816")));
        items.add(item(Parameter.CARBON_CONTENT, Fuel.FUEL_OIL, MeasurementBasis.DEFAULT, null));
        items.add(new QcPlanItem(Parameter.GENERATION, null, MeasurementBasis.MEASURED, "发电机出口电能表", "发电机出口关口电能表 0.2S 级",
                "年度检定", null, "每日", null));
        items.add(new QcPlanItem(Parameter.POWER_SUPPLIED, null, MeasurementBasis.MEASURED, "上网关口电能表", "上网关口电能表 0.2S 级",
                "年度检定", null, "每月", null));
        items.add(new QcPlanItem(Parameter.HEAT_SUPPLIED, null, MeasurementBasis.MEASURED, "供热流量计", "蒸汽流量计", "年度检定", null,
                "每月", null));
        items.add(new QcPlanItem(Parameter.PURCHASED_ELECTRICITY, null, MeasurementBasis.MEASURED, "电网结算单", "下网关口电能表",
                "年度检定", null, "每月", null));
        items.add(new QcPlanItem(Parameter.OPERATING_HOURS, null, MeasurementBasis.MEASURED, "DCS 运行记录", "DCS", null, null, "每月",
                null));
        items.add(item(Parameter.LOAD_FACTOR, null, MeasurementBasis.CALCULATED, null));
        items.add(item(Parameter.AUX_POWER_RATE, null, MeasurementBasis.CALCULATED, null));
        return items;
    }

    static QcPlanItem item(Parameter p, Fuel fuel, MeasurementBasis basis, BigDecimal defaultValue) {
        String method = switch (basis) {
            case DEFAULT -> "采用核算指南缺省值";
            case CALCULATED -> "由发电量、运行小时与额定容量计算";
            case MEASURED -> "实测";
        };
        return new QcPlanItem(p, fuel, basis, method, basis == MeasurementBasis.MEASURED ? "仪表" : null, null, null,
                basis == MeasurementBasis.MEASURED ? "每月" : null, defaultValue);
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String key) {
        MonthlyDepositWorkflowTest.assertRefused(call, field, key);
    }

    long planRows() {
        return jdbc.sql("select count(*) from mrv.qc_plan where unit_id = ?").param(unit.id()).query(Long.class).single();
    }
}
