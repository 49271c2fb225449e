package org.opencets.directory;

import org.opencets.support.Demo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.opencets.directory.EmitterImportResult.Imported;
import org.opencets.directory.EmitterImportResult.Rejected;
import org.opencets.directory.EmitterImportResult.RowError;
import org.opencets.directory.EmitterImportWorkbookTest.Book;
import org.opencets.identity.AccessDenied;
import org.opencets.identity.CurrentUser;
import org.opencets.identity.Organisation;
import org.opencets.identity.Organisations;
import org.opencets.identity.OrganisationKind;
import org.opencets.identity.Regions;
import org.opencets.identity.Role;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.IndustryCode;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/** Checking every row and importing all or nothing, against a directory stand-in (no database). */
class EmitterImportTest {

    private static final String EMITTERS = EmitterImportWorkbook.EMITTER_SHEET;
    private static final String UNITS = EmitterImportWorkbook.UNIT_SHEET;
    private static final Set<String> KNOWN_REGIONS = Set.of("330200", "330206", "330211", "330600", "330604");

    private final Regions regions = mock(Regions.class);
    private final KeyEmitterDirectory directory = mock(KeyEmitterDirectory.class);
    private final Organisations organisations = mock(Organisations.class);
    private final SimpleTransactionStatus transaction = new SimpleTransactionStatus();
    private final AtomicInteger transactions = new AtomicInteger();
    private final EmitterImport imports = new EmitterImport(new EmitterRules(regions), directory, organisations,
            new TransactionOperations() {
        @Override
        public <T> T execute(TransactionCallback<T> action) {
            transactions.incrementAndGet();
            return action.doInTransaction(transaction);
        }
    });

    private final CurrentUser beilun = bureau(OrganisationKind.DISTRICT_BUREAU, "330206", Role.OFFICER);

    @BeforeEach
    void directoryStandIn() {
        when(regions.exists(any())).thenAnswer(call -> KNOWN_REGIONS.contains(((RegionCode) call.getArgument(0)).value()));
        when(directory.findByUscc(any())).thenReturn(Optional.empty());
        when(directory.visible(any(), any())).thenCallRealMethod();
        when(directory.register(any(), any())).thenAnswer(call -> emitter(((EmitterForm) call.getArgument(1)).uscc(),
                ((EmitterForm) call.getArgument(1)).regionCode()));
    }

    @Test
    void aValidFileRegistersEveryEmitterThenAddsEveryUnitInOneTransaction() {
        String a = Demo.freshUscc("330206");
        String b = Demo.freshUscc("330206");
        KeyEmitter existing = emitter(Demo.freshUscc("330206"), "330206");
        when(directory.findByUscc(existing.uscc())).thenReturn(Optional.of(existing));
        when(directory.get(beilun, existing.uscc())).thenReturn(existing);
        when(directory.units(beilun, existing.id())).thenReturn(List.of());
        Book book = Book.withHeaders();
        book.append(EMITTERS, emitterRow(a, "330206"));
        book.append(EMITTERS, emitterRow(b.toLowerCase(), "330206"));
        book.append(UNITS, unitRow(a, "1号机组"));
        book.append(UNITS, unitRow(a, "2号机组"));
        book.append(UNITS, unitRow(b, "1号机组"));
        book.append(UNITS, unitRow(existing.uscc().value(), "9号机组"));

        EmitterImportResult result = imports.importWorkbook(beilun, book.bytes());

        assertThat(result).isEqualTo(new Imported(2, 4));
        assertThat(transactions).hasValue(1);
        assertThat(transaction.isRollbackOnly()).isFalse();
        InOrder order = inOrder(directory);
        order.verify(directory).register(eq(beilun), eq(new EmitterForm(a, "测试热电" + a.substring(8, 17) + "有限公司", "330206",
                "4412", "NORMAL", "浙江省宁波市北仑区测试路1号", "张三", "李四", "0574-87000000", "energy@example.com")));
        order.verify(directory).register(eq(beilun), any());
        order.verify(directory).addUnit(eq(beilun), eq(UUID.nameUUIDFromBytes(a.getBytes())), eq(new UnitForm("测试电厂", "1号机组",
                "300", "II", "BITUMINOUS;FUEL_OIL", "WATER", "2010-06-30", "")));
        order.verify(directory).addUnit(eq(beilun), eq(UUID.nameUUIDFromBytes(a.getBytes())), any());
        order.verify(directory).addUnit(eq(beilun), eq(UUID.nameUUIDFromBytes(b.getBytes())), any());
        order.verify(directory).addUnit(eq(beilun), eq(existing.id()), any());
    }

    @Test
    void everyProblemOfEveryRowIsReportedAndNothingIsImported() {
        String a = Demo.freshUscc("330206");
        Book book = Book.withHeaders();
        book.append(EMITTERS, emitterRow(a, "330206"));                                                   // row 2: fine
        String wrongCheck = a.substring(0, 17) + (a.endsWith("0") ? "1" : "0");
        book.append(EMITTERS, wrongCheck, "", "330206", "9999", "OPEN", null, null, null, "abc", "no-mail");    // row 3
        book.append(EMITTERS, emitterRow(a, "330206"));                                                   // row 4: duplicate of row 2
        book.append(UNITS, unitRow(a, "1号机组"));                                                         // row 2: fine
        book.append(UNITS, unitRow(a, "1号机组"));                                                         // row 3: duplicate unit code
        book.append(UNITS, unitRow(Demo.freshUscc("330206"), "1号机组"));                                            // row 4: unknown emitter
        book.append(UNITS, a, "测试电厂", "2号机组", -5, "V", "COAL", "FAN", "2020-13-01", "2019-01-01"); // row 5

        Rejected rejected = (Rejected) imports.importWorkbook(beilun, book.bytes());

        assertThat(rejected.errors()).extracting(RowError::sheet, RowError::row, RowError::field, RowError::messageCode).containsExactly(
                tuple(EMITTERS, 3, "uscc", "invalid.uscc.checksum"),
                tuple(EMITTERS, 3, "name", "invalid.required"),
                tuple(EMITTERS, 3, "industryCode", "invalid.industry.unknown"),
                tuple(EMITTERS, 3, "status", "invalid.choice.unknown"),
                tuple(EMITTERS, 3, "contactPhone", "invalid.phone.format"),
                tuple(EMITTERS, 3, "contactEmail", "invalid.email.format"),
                tuple(EMITTERS, 4, "uscc", "import.error.duplicateInFile"),
                tuple(UNITS, 3, "unitCode", "import.error.duplicateInFile"),
                tuple(UNITS, 4, "emitterUscc", "import.error.unknownEmitter"),
                tuple(UNITS, 5, "ratedCapacityMw", "invalid.unit.capacity.positive"),
                tuple(UNITS, 5, "category", "invalid.choice.unknown"),
                tuple(UNITS, 5, "fuels", "invalid.unit.fuels.unknown"),
                tuple(UNITS, 5, "coolingType", "invalid.choice.unknown"),
                tuple(UNITS, 5, "commissioningDate", "invalid.date.format"));
        assertThat(rejected.errors().get(6).arguments()).containsExactly(a, "2");
        assertThat(rejected.errors().get(7).arguments()).containsExactly("1号机组", "2");
        assertThat(transactions).hasValue(0);
        verify(directory, never()).register(any(), any());
        verify(directory, never()).addUnit(any(), any(), any());
    }

    @Test
    void aDistrictOfficerCannotImportEmittersOrUnitsOutsideTheDistrict() {
        KeyEmitter shangyu = emitter(Demo.freshUscc("330604"), "330604");
        KeyEmitter zhenhai = emitter(Demo.freshUscc("330211"), "330211");
        when(directory.findByUscc(shangyu.uscc())).thenReturn(Optional.of(shangyu));
        when(directory.findByUscc(zhenhai.uscc())).thenReturn(Optional.of(zhenhai));
        Book book = Book.withHeaders();
        book.append(EMITTERS, emitterRow(Demo.freshUscc("330211"), "330211"));   // 镇海区: Ningbo, not 北仑
        book.append(UNITS, unitRow(shangyu.uscc().value(), "1号机组"));  // invisible to 北仑: as if unknown
        book.append(UNITS, unitRow(zhenhai.uscc().value(), "1号机组"));

        Rejected rejected = (Rejected) imports.importWorkbook(beilun, book.bytes());

        assertThat(rejected.errors()).extracting(RowError::sheet, RowError::row, RowError::field, RowError::messageCode).containsExactly(
                tuple(EMITTERS, 2, "regionCode", "import.error.outsideRegion"),
                tuple(UNITS, 2, "emitterUscc", "import.error.unknownEmitter"),
                tuple(UNITS, 3, "emitterUscc", "import.error.unknownEmitter"));
        assertThat(rejected.errors().getFirst().arguments()).containsExactly("330211", "330206");

        CurrentUser ningbo = bureau(OrganisationKind.CITY_BUREAU, "330200", Role.OFFICER);
        when(directory.units(ningbo, zhenhai.id())).thenReturn(List.of());
        when(directory.get(ningbo, zhenhai.uscc())).thenReturn(zhenhai);
        Book cityBook = Book.withHeaders();
        cityBook.append(EMITTERS, emitterRow(Demo.freshUscc("330211"), "330211"));
        cityBook.append(UNITS, unitRow(zhenhai.uscc().value(), "1号机组"));
        assertThat(imports.importWorkbook(ningbo, cityBook.bytes())).isEqualTo(new Imported(1, 1));
    }

    @Test
    void alreadyRegisteredEmittersAndUnitCodesAreRefused() {
        KeyEmitter existing = emitter(Demo.freshUscc("330206"), "330206");
        when(directory.findByUscc(existing.uscc())).thenReturn(Optional.of(existing));
        when(directory.units(beilun, existing.id())).thenReturn(List.of(new GeneratingUnit(UUID.randomUUID(), existing.id(),
                UUID.randomUUID(), "测试电厂", "1号机组", new BigDecimal("300"), UnitCategory.II, List.of(Fuel.BITUMINOUS),
                CoolingType.WATER, LocalDate.of(2010, 6, 30), null, 0)));
        Book book = Book.withHeaders();
        book.append(EMITTERS, emitterRow(existing.uscc().value(), "330206"));
        book.append(UNITS, unitRow(existing.uscc().value(), " 1号机组 "));
        book.append(UNITS, unitRow(existing.uscc().value(), "2号机组"));

        assertThat(((Rejected) imports.importWorkbook(beilun, book.bytes())).errors())
                .extracting(RowError::sheet, RowError::row, RowError::field, RowError::messageCode).containsExactly(
                        tuple(EMITTERS, 2, "uscc", "import.error.alreadyRegistered"));

        Book unitsOnly = Book.withHeaders();
        unitsOnly.append(UNITS, unitRow(existing.uscc().value(), " 1号机组 "));
        unitsOnly.append(UNITS, unitRow(existing.uscc().value(), "2号机组"));
        assertThat(((Rejected) imports.importWorkbook(beilun, unitsOnly.bytes())).errors())
                .extracting(RowError::sheet, RowError::row, RowError::field, RowError::messageCode).containsExactly(
                        tuple(UNITS, 2, "unitCode", "import.error.unitCodeTaken"));
    }

    @Test
    void theUnchangedTemplateIsRefusedForItsExampleRows() {
        Rejected rejected = (Rejected) imports.importWorkbook(beilun, EmitterImportTemplate.build());
        assertThat(rejected.errors()).extracting(RowError::sheet, RowError::row, RowError::messageCode).containsExactly(
                tuple(EMITTERS, 2, "import.error.exampleRow"),
                tuple(UNITS, 2, "import.error.exampleRow"));
    }

    @Test
    void aFailureWhileImportingRollsEverythingBackAndNamesTheRow() {
        String a = Demo.freshUscc("330206");
        String b = Demo.freshUscc("330206");
        doReturn(emitter(a, "330206"))
                .doThrow(new ValidationFailed(FieldViolation.of("uscc", "uscc.duplicate", "already registered", b)))
                .when(directory).register(eq(beilun), any());
        Book book = Book.withHeaders();
        book.append(EMITTERS, emitterRow(a, "330206"));
        book.append(EMITTERS, emitterRow(b, "330206"));
        book.append(UNITS, unitRow(a, "1号机组"));

        Rejected rejected = (Rejected) imports.importWorkbook(beilun, book.bytes());

        assertThat(rejected.errors()).extracting(RowError::sheet, RowError::row, RowError::field, RowError::messageCode)
                .containsExactly(tuple(EMITTERS, 3, "uscc", "invalid.uscc.duplicate"));
        assertThat(transaction.isRollbackOnly()).isTrue();
        verify(directory, never()).addUnit(any(), any(), any());
    }

    @Test
    void anEmitterNameMustBeFreeInItsRegionBecauseItNamesTheOrganisation() {
        String a = Demo.freshUscc("330206");
        String b = Demo.freshUscc("330206");
        String taken = "宁波已有热电有限公司";
        when(organisations.findByName(taken, RegionCode.of("330206"))).thenReturn(Optional.of(new Organisation(UUID.randomUUID(), taken,
                OrganisationKind.KEY_EMITTER, RegionCode.of("330206"), Uscc.of(Demo.freshUscc("330206")), true)));
        Object[] first = emitterRow(a, "330206");
        Object[] same = emitterRow(b, "330206");
        same[1] = first[1];
        Object[] existing = emitterRow(Demo.freshUscc("330206"), "330206");
        existing[1] = taken;
        Object[] otherRegion = emitterRow(Demo.freshUscc("330211"), "330211");
        otherRegion[1] = taken;
        CurrentUser ningbo = bureau(OrganisationKind.CITY_BUREAU, "330200", Role.OFFICER);
        Book book = Book.withHeaders().append(EMITTERS, first).append(EMITTERS, same).append(EMITTERS, existing)
                .append(EMITTERS, otherRegion);

        assertThat(((Rejected) imports.importWorkbook(ningbo, book.bytes())).errors())
                .extracting(RowError::sheet, RowError::row, RowError::field, RowError::messageCode).containsExactly(
                        tuple(EMITTERS, 3, "name", "import.error.duplicateInFile"),
                        tuple(EMITTERS, 4, "name", "import.error.nameTaken"));
    }

    @Test
    void onlyBureauOfficersMayImport() {
        byte[] file = Book.withHeaders().append(EMITTERS, emitterRow(Demo.freshUscc("330206"), "330206")).bytes();
        assertThatThrownBy(() -> imports.importWorkbook(bureau(OrganisationKind.DISTRICT_BUREAU, "330206", Role.VIEWER), file))
                .isInstanceOf(AccessDenied.class);
        CurrentUser plant = new CurrentUser(UUID.randomUUID(), "plant", "plant", UUID.randomUUID(), "plant",
                OrganisationKind.KEY_EMITTER, RegionCode.of("330206"), Uscc.of(Demo.freshUscc("330206")), Set.of(Role.OFFICER, Role.ADMIN));
        assertThatThrownBy(() -> imports.importWorkbook(plant, file)).isInstanceOf(AccessDenied.class);
        verify(directory, never()).register(any(), any());
    }

    @Test
    void anOversizedUploadIsRefusedBeforeItIsRead() {
        EmitterImportResult result = imports.importFile(beilun, EmitterImportWorkbook.MAX_BYTES + 1, () -> {
            throw new AssertionError("must not be read");
        });
        assertThat(((Rejected) result).errors()).extracting(RowError::messageCode).containsExactly("import.error.tooLarge");
    }

    // ---- helpers --------------------------------------------------------------------------------

    static Object[] emitterRow(String uscc, String region) {
        return new Object[] {uscc, "测试热电" + uscc.substring(8, 17) + "有限公司", region, "4412", "NORMAL", "浙江省宁波市北仑区测试路1号",
                "张三", "李四", "0574-87000000", "energy@example.com"};
    }

    static Object[] unitRow(String emitterUscc, String unitCode) {
        return new Object[] {emitterUscc, "测试电厂", unitCode, 300, "II", "BITUMINOUS;FUEL_OIL", "WATER", "2010-06-30", null};
    }

    private static KeyEmitter emitter(String uscc, String region) {
        Uscc code = Uscc.of(uscc);
        return new KeyEmitter(UUID.nameUUIDFromBytes(code.value().getBytes()), code, "测试热电有限公司", RegionCode.of(region),
                IndustryCode.of("4412"), EmitterStatus.NORMAL, null, null, null, null, null, 0);
    }

    private static CurrentUser bureau(OrganisationKind kind, String region, Role role) {
        return new CurrentUser(UUID.randomUUID(), "officer", "officer", UUID.randomUUID(), "bureau", kind, RegionCode.of(region), null,
                Set.of(role));
    }
}
