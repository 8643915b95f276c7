import { describe, expect, it } from 'vitest';
import { citeDeviceSource, citeModifierSource, citePolicy, citeSourceRef, PAYER_NOTES, SOURCE_REGISTRY, SOURCE_KEYS } from './index';

describe('sources named as a coder cites them', () => {
  it('names a registry source by its citation, never its key or working title', () => {
    expect(citeSourceRef({ key: 'CPTA11', what: 'units' }).cite).toBe('CPT Assistant, April 2011 (neurostimulator questions and answers)');
    expect(citeSourceRef({ key: 'NSREF', what: 'family structure' }).cite).toBe('OpNote Coder convention');
    for (const key of SOURCE_KEYS) {
      const c = citeSourceRef({ key, what: 'x' }).cite;
      expect(c).not.toMatch(/\.(md|ts)\b|§|\b(NSREF|PFS26|CPTA11|MCB|HCPL)\b|working reference|blog|code pages/);
      expect(c).toBe(SOURCE_REGISTRY[key].cite);
    }
  });

  it('names a modifier definition by its code set, and a device code by HCPCS, not CPT', () => {
    const blog = { url: 'http://www.medicalbillingcptmodifiers.com/2010/08/surgical-procedure-modifiers.html', what: 'definition' };
    expect(citeModifierSource('22', blog).cite).toBe('CPT modifier definitions (Appendix A), as summarised by medicalbillingcptmodifiers.com');
    expect(citeModifierSource('LT', blog).cite).toMatch(/^HCPCS Level II modifier definitions \(CMS\)/);
    expect(citeModifierSource('59', { key: 'MLN59', what: 'definition' }).cite).toBe('CMS MLN1783722, Proper use of modifiers 59, XE, XP, XS and XU');
    expect(citeDeviceSource({ key: 'OP', what: 'code meaning' }).cite).toBe('HCPCS Level II code description (as summarised by OpenPayer)');
    expect(citeDeviceSource({ key: 'HCPCS20', what: 'code meaning' }).cite).toBe('HCPCS Level II code set (CMS, 2020 file)');
  });

  it('names a payer policy by the payer’s own document name and says where a copy was read', () => {
    expect(citePolicy('Aetna', 'Aetna CPB 0223', 'https://verity.backworkai.com/x').cite).toBe('Aetna Clinical Policy Bulletin 0223 (as published by verity.backworkai.com)');
    expect(citePolicy('Medicare', 'NCD 160.7; LCD L34328', 'https://cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=34328').cite).toBe('Medicare NCD 160.7; LCD L34328');
    expect(citePolicy('Cigna', 'Cigna 0539', null).cite).toBe('Cigna Medical Coverage Policy 0539');
    expect(citePolicy('UnitedHealthcare', 'UHC 2023T0126MM', null).cite).toBe('UnitedHealthcare medical policy 2023T0126MM');
    expect(citePolicy('Blue Cross Blue Shield', 'Anthem CG-SURG-95', null).cite).toBe('Anthem Clinical UM Guideline CG-SURG-95');
    expect(citePolicy('Aetna', null, 'https://pmc.ncbi.nlm.nih.gov/x').cite).toBe('Aetna coverage policy (as published by pmc.ncbi.nlm.nih.gov)');
  });

  it('never doubles the payer’s name or leaves its shorthand', () => {
    for (const p of PAYER_NOTES.filter((x) => x.status !== 'not-available')) {
      const c = citePolicy(p.payer, p.policy, p.source).cite;
      expect(c, c).not.toMatch(/\b(\w+) (policy )?\1\b|\bCPB\b|^UHC\b|^BCBSA\b/);
    }
  });
});
