// Everything an application needs to embed the router: include this one header.
//
//   #include <switchyard/routing/routing.h>
//
// Thread contract: see each class (Router: one thread at a time; Session: one connection;
// Classifier, FunctionCatalog once built, and the value types: shareable).
#pragma once

#include "switchyard/result.h"
#include "switchyard/routing/balancer.h"
#include "switchyard/routing/classifier.h"
#include "switchyard/routing/consistency.h"
#include "switchyard/routing/decision.h"
#include "switchyard/routing/dialect.h"
#include "switchyard/routing/function_catalog.h"
#include "switchyard/routing/gtid.h"
#include "switchyard/routing/lag_hysteresis.h"
#include "switchyard/routing/lexer.h"
#include "switchyard/routing/router.h"
#include "switchyard/routing/session.h"
#include "switchyard/routing/statement.h"
#include "switchyard/routing/topology.h"
