import {
  ApiTokenScope,
  Locale,
  ModuleRequestKind,
  ModuleRequestStage,
  NoticeChannel,
  NoticeStage,
  Role,
  UpgradeKind,
  UpgradeStatus,
} from '@upgrade-desk/db';
import { builder } from './builder.ts';

export const LocaleEnum = builder.enumType(Locale, { name: 'Locale' });
export const RoleEnum = builder.enumType(Role, { name: 'Role' });
export const UpgradeKindEnum = builder.enumType(UpgradeKind, { name: 'UpgradeKind' });
export const UpgradeStatusEnum = builder.enumType(UpgradeStatus, { name: 'UpgradeStatus' });
export const NoticeStageEnum = builder.enumType(NoticeStage, { name: 'NoticeStage' });
export const NoticeChannelEnum = builder.enumType(NoticeChannel, { name: 'NoticeChannel' });
export const ModuleRequestKindEnum = builder.enumType(ModuleRequestKind, { name: 'ModuleRequestKind' });
export const ModuleRequestStageEnum = builder.enumType(ModuleRequestStage, { name: 'ModuleRequestStage' });
export const ApiTokenScopeEnum = builder.enumType(ApiTokenScope, { name: 'ApiTokenScope' });

export const PolicyWarningEnum = builder.enumType('PolicyWarning', {
  values: {
    OUTSIDE_QUIET_HOURS: { description: "window not inside 18:00-06:00 in a target customer's time zone" },
    SHORT_NOTICE: { description: 'first notice cannot go out as early as the policy asks' },
    BLACKOUT_CONFLICT: { description: "window overlaps a target customer's blackout window" },
    DOWNTIME_ABOVE_TYPICAL: { description: 'SERVER window longer than 60 minutes' },
    NO_SANDBOX_RUN: { description: 'FEATURE upgrade has no sandbox stage before production' },
  } as const,
});
