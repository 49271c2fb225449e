package org.opencets.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The pre-filled application to use CCER to offset surrender (seed 001 附表1/2, "使用CCER抵销配额清缴申请表"): one per
 * request revision. {@code ratioPercent} is the offset over the obligation in per cent, two decimals, rounded half up.
 */
public record ApplicationForm(String requestNumber, int revision, int year, String provinceName, String entityName, String uscc, String ccerAccount,
        String etsAccount, long obligation, long offsetQuantity, BigDecimal ratioPercent, String contactName, String contactPhone, String contactEmail,
        List<Row> rows, List<AllowancePart> allowances, LocalDate submittedOn, boolean late) {

    /** One CCER project row of the form: 注销量 and 项目编号 (plus the project's name and type for the reviewer). */
    public record Row(String projectNumber, String projectName, String projectType, long quantity) {
    }

    /** The allowances surrendered with the same request, by vintage (not on the official form; printed below it). */
    public record AllowancePart(String vintage, long quantity) {
    }
}
