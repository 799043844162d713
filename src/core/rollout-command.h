/* rollout-command.h
 *
 * Copyright 2026 The Rollout developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rollout-project.h"

G_BEGIN_DECLS

#define ROLLOUT_TYPE_COMMAND (rollout_command_get_type ())

G_DECLARE_DERIVABLE_TYPE (RolloutCommand, rollout_command, ROLLOUT, COMMAND, GObject)

struct _RolloutCommandClass
{
  GObjectClass parent_class;

  void (*apply)  (RolloutCommand *self,
                  RolloutProject *project);
  void (*revert) (RolloutCommand *self,
                  RolloutProject *project);
};

const char     *rollout_command_get_label        (RolloutCommand *self);
void            rollout_command_apply            (RolloutCommand *self,
                                                  RolloutProject *project);
void            rollout_command_revert           (RolloutCommand *self,
                                                  RolloutProject *project);

RolloutCommand *rollout_command_new_set          (gpointer        object,
                                                  const char     *property,
                                                  const GValue   *value,
                                                  const char     *label);
RolloutCommand *rollout_command_new_set_many     (gpointer        object,
                                                  const char     *label,
                                                  const char     *first_property,
                                                  ...) G_GNUC_NULL_TERMINATED;
RolloutCommand *rollout_command_new_insert       (gpointer        object,
                                                  int             position,
                                                  const char     *label);
RolloutCommand *rollout_command_new_remove       (gpointer        object,
                                                  const char     *label);
RolloutCommand *rollout_command_new_group        (const char     *label);
void            rollout_command_group_add        (RolloutCommand *group,
                                                  RolloutCommand *command);
guint           rollout_command_group_get_size   (RolloutCommand *group);

RolloutCommand *rollout_command_new_delete_task  (RolloutProject *project,
                                                  RolloutTask    *task);
RolloutCommand *rollout_command_new_reassess_risk (RolloutRisk   *risk,
                                                  int             likelihood,
                                                  int             impact,
                                                  RolloutDate     date);

G_END_DECLS
