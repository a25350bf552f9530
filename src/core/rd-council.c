#define G_LOG_DOMAIN "rd-council"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rd-council.h"

typedef struct
{
  const char *point;
  const char *title;
} CouncilPoint;

/* The points addressed to the member states (1–4), in our own words. */
static const CouncilPoint points[] = {
  { "1", N_("a strategic approach to digital education") },
  { "1 a", N_("targets that are evaluated and updated") },
  { "1 b", N_("the priorities of the Digital Education Action Plan") },
  { "1 c", N_("evaluating the effect on participation, results, inclusion and well-being") },
  { "2", N_("coordination and stakeholder engagement") },
  { "2 a", N_("dialogue between the levels of government") },
  { "2 b", N_("structured involvement of stakeholders, parents and learners") },
  { "2 c", N_("cooperation with technology providers on open, secure, interoperable solutions") },
  { "2 c i", N_("developing and testing digital education tools") },
  { "2 c ii", N_("public-private partnerships") },
  { "2 d", N_("peer learning and exchange of practice") },
  { "3", N_("capacity building for leaders and staff") },
  { "3 a", N_("supporting teachers in using digital technology") },
  { "3 a i", N_("teachers involved in decisions on digital tools") },
  { "3 a ii", N_("digital pedagogy in initial teacher education") },
  { "3 a iii", N_("continuing professional development in digital skills") },
  { "3 a iv", N_("flexible training, such as short courses and micro-credentials") },
  { "3 a v", N_("sharing good practice in digital pedagogy") },
  { "3 a vi", N_("digital well-being") },
  { "3 b", N_("the digital transformation of schools") },
  { "3 b i", N_("self-assessment with SELFIE and SELFIEforTEACHERS") },
  { "3 b ii", N_("digital criteria in quality assurance") },
  { "3 b iii", N_("support and development for school leaders") },
  { "3 b iv", N_("scaling up good practice and peer exchange") },
  { "3 b v", N_("dialogue with companies on needs and tools") },
  { "3 b vi", N_("technical and pedagogical support services") },
  { "3 b vii", N_("cybersecurity training, awareness and access control") },
  { "4", N_("fair and impact-oriented investment") },
  { "4 a", N_("efficient and effective spending") },
  { "4 a i", N_("coordinated procurement") },
  { "4 a ii", N_("maintenance, renewal and updates") },
  { "4 a iii", N_("alternative investment, such as refurbished devices") },
  { "4 a iv", N_("tailored advice on choosing digital solutions") },
  { "4 a v", N_("training with every new investment") },
  { "4 a vi", N_("open source, open content and digital commons") },
  { "4 b", N_("equal access for all learners") },
  { "4 b i", N_("gigabit connectivity for every school") },
  { "4 b ii", N_("a personal device for every teacher") },
  { "4 b iii", N_("learning environments for STEAM") },
  { "4 b iv", N_("a suitable device for every learner") },
  { "4 b v", N_("accessible, high-quality digital content") },
  { "4 b vi", N_("secure, interoperable central services") },
  { "4 b vii", N_("accessible content and assistive equipment") },
};

/* Whether @point is a point of the Recommendation itself, such as
 * "3 b vii", and not only written like one ("3 b ix"). */
gboolean
rd_council_point_is_known (const char *point)
{
  for (guint i = 0; point != NULL && i < G_N_ELEMENTS (points); i++)
    if (g_str_equal (points[i].point, point))
      return TRUE;
  return FALSE;
}

const char *
rd_council_point_get_title (const char *point)
{
  g_autofree char *parent = NULL;
  char *space;

  if (point == NULL || *point == '\0')
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    if (g_str_equal (points[i].point, point))
      return _(points[i].title);

  parent = g_strdup (point);
  space = strrchr (parent, ' ');
  if (space == NULL)
    return NULL;
  *space = '\0';
  return rd_council_point_get_title (parent);
}
